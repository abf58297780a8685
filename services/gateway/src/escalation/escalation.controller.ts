import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ESCALATION_SERVICE, NotFoundError, type SupervisionLedgerRow } from '@hotline/contracts';
import { writePdf, writeXlsx } from '@hotline/infra/documents';
import { defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { downloadHeaders, ServiceController, XLSX_MEDIA_TYPE } from '../service-controller';
import { SCOPED_READERS } from '../auth/reader-roles';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import { ledgerTable } from './supervision-ledger-table';
import { supervisionNoticePdf } from './supervision-notice';

const UNIT_USERS = ['unit-leader', 'unit-handler'] as const;

/**
 * Escalation: the near-due and overdue board, reminders (催办) sent by the center and read by units,
 * and supervision (督办) with its ledger (台账) and Excel export.
 */
@DocTag('escalation')
@Controller('api/escalation')
export class EscalationController extends ServiceController(ESCALATION_SERVICE) {
  @Doc(queryDoc('GetDeadlineBoard'))
  @Allow(...SCOPED_READERS)
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
  @Allow(...SCOPED_READERS)
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

  @Doc(queryDoc('ListEmergencyReports'))
  @Allow(...SCOPED_READERS.filter((role) => !role.startsWith('unit-')))
  @Get('emergency-reports')
  emergencyReports(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text, number } = queryValues;
    return this.requests.query(
      'ListEmergencyReports',
      request.headers,
      defined({ caseId: text(params, 'caseId'), limit: number(params, 'limit') }),
    );
  }

  @Doc(queryDoc('GetSupervisionLedger'))
  @Allow(...SCOPED_READERS)
  @Get('supervisions')
  ledger(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    return this.requests.query('GetSupervisionLedger', request.headers, this.ledgerParams(params));
  }

  @Doc({
    ...queryDoc('GetSupervisionLedger'),
    summary: 'The supervision ledger (督办台账) as an xlsx file, with the same filters.',
    responses: { 200: { description: 'The ledger as xlsx', mediaType: 'application/octet-stream' } },
  })
  @Allow(...SCOPED_READERS)
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
    const names = await this.unitNames(request);
    downloadHeaders(response, XLSX_MEDIA_TYPE, '督办台账.xlsx');
    await writeXlsx(response, [{ name: '督办台账', title: '督办台账', ...ledgerTable(rows, names) }]);
  }

  @Doc({
    ...queryDoc('GetSupervisionLedger', {
      path: ['supervisionId'],
      omit: ['status', 'scope', 'level', 'unitId', 'caseId', 'from', 'to', 'limit'],
    }),
    summary: 'The printable supervision notice (督办通知单) of one supervision, as a PDF with a CJK font.',
    responses: { 200: { description: 'The notice as PDF', mediaType: 'application/pdf' } },
  })
  @Allow(...SCOPED_READERS)
  @Get('supervisions/:supervisionId/notice')
  async notice(
    @Req() request: IncomingMessage,
    @Param('supervisionId') supervisionId: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    // Scoped like the ledger: a unit prints its own notices, a district its district's.
    const [row] = (await this.requests.query('GetSupervisionLedger', request.headers, {
      supervisionId,
      limit: 1,
    })) as SupervisionLedgerRow[];
    if (!row) throw new NotFoundError('supervision', supervisionId);
    const names = await this.unitNames(request);
    downloadHeaders(response, 'application/pdf', `督办通知单-${row.caseNumber ?? ''}.pdf`);
    await writePdf(response, supervisionNoticePdf(row, names.get(row.unitId) ?? row.unitId));
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
      supervisionId: text(params, 'supervisionId'),
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
