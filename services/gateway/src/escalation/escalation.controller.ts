import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ESCALATION_SERVICE, ListUnits, type SupervisionLedgerRow, type UnitView } from '@hotline/contracts';
import { writeXlsx } from '@hotline/infra/documents';
import { BUS_CLIENT } from '../bus-client.token';
import { defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { WorkflowRequests } from '../workflow-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import { ledgerTable } from './supervision-ledger-table';

/** Who reads near-due lists, reminders and the ledger; the service scopes each answer to the reader. */
const READERS = [
  'supervisor',
  'center',
  'leader',
  'city-admin',
  'auditor',
  'district-admin',
  'unit-leader',
  'unit-handler',
] as const;
const UNIT_USERS = ['unit-leader', 'unit-handler'] as const;

/**
 * Escalation: the near-due and overdue board, reminders (催办) sent by the center and read by units,
 * and supervision (督办) with its ledger (台账) and Excel export.
 */
@DocTag('escalation')
@Controller('api/escalation')
export class EscalationController {
  private readonly requests: WorkflowRequests;
  private readonly workflow: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus, ESCALATION_SERVICE);
    this.workflow = new WorkflowRequests(bus);
  }

  @Doc(queryDoc('GetDeadlineBoard'))
  @Allow(...READERS)
  @Get('deadline-board')
  board(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text, number } = queryValues;
    return this.requests.query(
      'GetDeadlineBoard',
      request.headers,
      defined({
        unitId: text(params, 'unitId'),
        colour: text(params, 'colour'),
        limit: number(params, 'limit'),
      }),
    );
  }

  @Doc(queryDoc('ListReminders'))
  @Allow(...READERS)
  @Get('reminders')
  reminders(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text, number, boolean } = queryValues;
    return this.requests.query(
      'ListReminders',
      request.headers,
      defined({
        unitId: text(params, 'unitId'),
        caseId: text(params, 'caseId'),
        unreadOnly: boolean(params, 'unreadOnly'),
        undeliveredOnly: boolean(params, 'undeliveredOnly'),
        limit: number(params, 'limit'),
      }),
    );
  }

  @Doc(commandDoc('SendReminder'))
  @Allow('center')
  @Post('reminders')
  @HttpCode(200)
  sendReminder(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('SendReminder', request.headers, body);
  }

  @Doc(commandDoc('MarkReminderRead', ['reminderId']))
  @Allow(...UNIT_USERS)
  @Post('reminders/:reminderId/read')
  @HttpCode(200)
  markRead(@Req() request: IncomingMessage, @Param('reminderId') reminderId: string, @Body() body: unknown) {
    return this.requests.command('MarkReminderRead', request.headers, body, { reminderId });
  }

  @Doc(queryDoc('GetSupervisionLedger'))
  @Allow(...READERS)
  @Get('supervisions')
  ledger(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    return this.requests.query('GetSupervisionLedger', request.headers, this.ledgerParams(params));
  }

  @Doc({
    ...queryDoc('GetSupervisionLedger'),
    summary: 'The supervision ledger (督办台账) as an xlsx file, with the same filters.',
    responses: { 200: { description: 'The ledger as xlsx', mediaType: 'application/octet-stream' } },
  })
  @Allow(...READERS)
  @Get('supervisions/export')
  async exportLedger(
    @Req() request: IncomingMessage,
    @Query() params: QueryParams,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const rows = (await this.requests.query('GetSupervisionLedger', request.headers, {
      ...this.ledgerParams(params),
      limit: 500,
    })) as SupervisionLedgerRow[];
    // Units by name on paper, never by id.
    const units = (await this.workflow.query(ListUnits.type, request.headers, {
      includeInactive: true,
    })) as UnitView[];
    const names = new Map(units.map((unit) => [unit.unitId, unit.name]));
    response.statusCode = 200;
    response.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent('督办台账.xlsx')}`,
    );
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    await writeXlsx(response, [{ name: '督办台账', title: '督办台账', ...ledgerTable(rows, names) }]);
  }

  @Doc(commandDoc('OpenSupervision'))
  @Allow('center')
  @Post('supervisions')
  @HttpCode(200)
  openSupervision(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('OpenSupervision', request.headers, body);
  }

  @Doc(commandDoc('RespondToSupervision', ['supervisionId']))
  @Allow(...UNIT_USERS)
  @Post('supervisions/:supervisionId/response')
  @HttpCode(200)
  respond(
    @Req() request: IncomingMessage,
    @Param('supervisionId') supervisionId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('RespondToSupervision', request.headers, body, { supervisionId });
  }

  @Doc(commandDoc('CloseSupervision', ['supervisionId']))
  @Allow('center')
  @Post('supervisions/:supervisionId/close')
  @HttpCode(200)
  close(
    @Req() request: IncomingMessage,
    @Param('supervisionId') supervisionId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('CloseSupervision', request.headers, body, { supervisionId });
  }

  private ledgerParams(params: QueryParams): Record<string, unknown> {
    const { text, number } = queryValues;
    return defined({
      status: text(params, 'status'),
      scope: text(params, 'scope'),
      level: text(params, 'level'),
      unitId: text(params, 'unitId'),
      caseId: text(params, 'caseId'),
      from: text(params, 'from'),
      to: text(params, 'to'),
      limit: number(params, 'limit'),
    });
  }
}
