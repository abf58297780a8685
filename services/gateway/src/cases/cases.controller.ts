import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  GetBadgeCounts,
  GetCase,
  GetCaseTimeline,
  GetUnitInbox,
  LookUpCaseForCitizen,
  NotFoundError,
  SearchCases,
} from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { CASE_ACTIONS, isCaseAction } from './case-actions';
import { minPosition, defined, queryValues, searchParams, type QueryParams } from './case-query-params';
import { WorkflowRequests } from '../workflow-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { caseActionVariants, commandDoc, queryDoc } from '../openapi/doc-helpers';
import { ANY_ROLE, Allow, Public } from '../auth/allow.decorator';

/**
 * The case API (workflow): register and act on cases, read them, units' inboxes, the citizen's
 * lookup. Commands answer the command result (`position` is the read-after-write token for
 * `?minPosition=`); every command needs a client-chosen `commandId` in its body.
 */
@DocTag('cases')
@Controller('api')
export class CasesController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(commandDoc('RegisterCase'))
  @Allow('agent', 'supervisor', 'center')
  @Post('cases')
  @HttpCode(201)
  register(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command('RegisterCase', request.headers, body);
  }

  @Doc(caseActionVariants(1))
  @Allow('agent', 'supervisor', 'center', 'unit-handler', 'unit-leader', 'leader')
  @Post('cases/:caseId/:action')
  @HttpCode(200)
  act(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.caseAction(request, caseId, action, body);
  }

  @Doc(caseActionVariants(2))
  @Allow('agent', 'supervisor', 'center', 'unit-handler', 'unit-leader', 'leader')
  @Post('cases/:caseId/:group/:action')
  @HttpCode(200)
  actInGroup(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Param('group') group: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.caseAction(request, caseId, `${group}/${action}`, body);
  }

  @Doc(queryDoc('SearchCases'))
  @Allow(...ANY_ROLE)
  @Get('cases')
  search(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(SearchCases.type, request.headers, searchParams(params));
  }

  @Doc(queryDoc('GetCase', { path: ['caseId'] }))
  @Allow(...ANY_ROLE)
  @Get('cases/:caseId')
  getCase(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    return this.requests.query(GetCase.type, request.headers, { caseId, ...minPosition(params) });
  }

  @Doc(queryDoc('GetCaseTimeline', { path: ['caseId'] }))
  @Allow(...ANY_ROLE)
  @Get('cases/:caseId/timeline')
  timeline(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    return this.requests.query(GetCaseTimeline.type, request.headers, { caseId, ...minPosition(params) });
  }

  @Doc(queryDoc('GetUnitInbox', { path: ['unitId'] }))
  @Allow(...ANY_ROLE)
  @Get('units/:unitId/inbox')
  inbox(
    @Req() request: IncomingMessage,
    @Param('unitId') unitId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    const { text, number } = queryValues;
    const values = {
      list: text(params, 'list'),
      page: number(params, 'page'),
      pageSize: number(params, 'pageSize'),
    };
    const given = defined(values);
    return this.requests.query(GetUnitInbox.type, request.headers, {
      unitId,
      ...given,
      ...minPosition(params),
    });
  }

  @Doc(queryDoc('GetBadgeCounts'))
  @Allow(...ANY_ROLE)
  @Get('badges')
  badges(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const unitId = queryValues.text(params, 'unitId');
    return this.requests.query(GetBadgeCounts.type, request.headers, {
      ...(unitId !== undefined ? { unitId } : {}),
      ...minPosition(params),
    });
  }

  @Doc(queryDoc('LookUpCaseForCitizen', { path: ['caseNumber'] }))
  @Public()
  @Get('public/cases/:caseNumber')
  lookUpForCitizen(
    @Req() request: IncomingMessage,
    @Param('caseNumber') caseNumber: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    const phoneLast4 = queryValues.text(params, 'phoneLast4');
    return this.requests.publicQuery(LookUpCaseForCitizen.type, request.headers, { caseNumber, phoneLast4 });
  }

  private caseAction(
    request: IncomingMessage,
    caseId: string,
    action: string,
    body: unknown,
  ): Promise<unknown> {
    if (!isCaseAction(action)) throw new NotFoundError('case action', action);
    return this.requests.command(CASE_ACTIONS[action], request.headers, body, { caseId });
  }
}
