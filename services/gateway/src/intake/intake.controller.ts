import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  ClassifyContent,
  FindDuplicates,
  GetCallerHistory,
  GetCase,
  GetCaseRepeatCount,
  GetContact,
  GetSuggestionAccuracy,
  ListOpenContacts,
  NotFoundError,
  RecordContact,
  SubmitContact,
  ValidationError,
} from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { cityPlaces } from '../units/places.controller';
import { WorkflowRequests } from '../workflow-requests';
import { minPosition, defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { IntakeRequests, PORTAL_VIEWER, commandIdOf, portalContactId } from './intake-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { actionVariants, commandDoc, queryDoc } from '../openapi/doc-helpers';
import { ANY_ROLE, Allow, Public } from '../auth/allow.decorator';

/** `POST /api/contacts/:contactId/<action>` → the intake command it sends. */
export const CONTACT_ACTIONS: Readonly<Record<string, string>> = {
  'register-case': 'RegisterCaseFromContact',
  merge: 'MergeContactIntoCase',
  answer: 'AnswerContact',
  refer: 'ReferContact',
  decline: 'DeclineContact',
  abandon: 'AbandonContact',
  harassment: 'MarkContactAsHarassment',
  release: 'ReleaseContact',
};

/**
 * The intake API: the citizen portal's submissions, the agent desk's contacts and their outcomes,
 * caller history (screen pop), classification and duplicate suggestions, repeat counts.
 */
@DocTag('intake')
@Controller('api')
export class IntakeController {
  private readonly requests: IntakeRequests;
  private readonly workflow: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new IntakeRequests(bus);
    this.workflow = new WorkflowRequests(bus);
  }

  /** The citizen portal (web): no account; the answer says what happened and what to tell the citizen. */
  @Doc(
    commandDoc('SubmitContact', ['contactId', 'channel'], {
      description:
        "The citizen portal: no account. An optional `districtId` (one of `GET /api/public/places`) makes the contact, and its case, that district's. The answer says what happened and what to tell the citizen.",
    }),
  )
  @Public()
  @Post('portal/contacts')
  @HttpCode(201)
  async submitFromPortal(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    const { commandId, data } = commandIdOf(body);
    // The district the citizen picked (区县) becomes the contact's district, so the case is the
    // district's and the dispatch catalogue's district rules apply; only the city's districts count.
    const { districtId, ...submission } = data;
    let viewer = PORTAL_VIEWER;
    if (districtId !== undefined) {
      const places = await cityPlaces(this.workflow, request);
      if (typeof districtId !== 'string' || !places.some((place) => place.districtId === districtId)) {
        throw new ValidationError(
          'districtId',
          "must be one of the city's districts (GET /api/public/places)",
        );
      }
      viewer = { ...PORTAL_VIEWER, districtId };
    }
    return this.requests.command(
      SubmitContact.type,
      request.headers,
      { commandId, ...submission },
      { contactId: portalContactId(commandId), channel: 'web' },
      viewer,
    );
  }

  /** The agent desk records a contact (a call): `{ commandId, contactId, channel, caller, content, … }`. */
  @Doc(commandDoc('RecordContact'))
  @Allow('agent', 'supervisor', 'center')
  @Post('contacts')
  @HttpCode(201)
  record(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(RecordContact.type, request.headers, body);
  }

  @Doc(actionVariants(CONTACT_ACTIONS, ['contactId']))
  @Allow('agent', 'supervisor', 'center')
  @Post('contacts/:contactId/:action')
  @HttpCode(200)
  act(
    @Req() request: IncomingMessage,
    @Param('contactId') contactId: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const type = CONTACT_ACTIONS[action];
    if (!type) throw new NotFoundError('contact action', action);
    return this.requests.command(type, request.headers, body, { contactId });
  }

  @Doc(queryDoc('ListOpenContacts'))
  @Allow('agent', 'supervisor', 'center', 'auditor')
  @Get('contacts')
  openContacts(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { boolean, number } = queryValues;
    return this.requests.query(ListOpenContacts.type, request.headers, {
      ...minPosition(params),
      ...defined({ quarantined: boolean(params, 'quarantined'), limit: number(params, 'limit') }),
    });
  }

  @Doc(queryDoc('GetContact', { path: ['contactId'] }))
  @Allow('agent', 'supervisor', 'center', 'auditor')
  @Get('contacts/:contactId')
  contact(
    @Req() request: IncomingMessage,
    @Param('contactId') contactId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    return this.requests.query(GetContact.type, request.headers, { contactId, ...minPosition(params) });
  }

  /**
   * The screen pop: the caller's previous contacts and cases, newest first. The phone number travels
   * in the body, never in the path, so no access log or proxy log holds it.
   */
  @Doc(queryDoc('GetCallerHistory', { body: true }))
  @Allow('agent', 'supervisor', 'center')
  @Post('callers/history')
  @HttpCode(200)
  callerHistory(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.query(GetCallerHistory.type, request.headers, asObject(body));
  }

  @Doc(queryDoc('GetCaseRepeatCount', { path: ['caseId'] }))
  @Allow(...ANY_ROLE)
  @Get('cases/:caseId/repeats')
  async repeats(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    // Intake counts contacts by case id alone; the workflow says whether the caller may see the case,
    // so a case outside the caller's scope answers 404 exactly as a case that does not exist.
    await this.workflow.query(GetCase.type, request.headers, { caseId, ...minPosition(params) });
    return this.requests.query(GetCaseRepeatCount.type, request.headers, { caseId, ...minPosition(params) });
  }

  /** Suggested type, category, emergency referral and not-accepted reason for a text. */
  @Doc(queryDoc('ClassifyContent', { body: true }))
  @Allow('agent', 'supervisor', 'center')
  @Post('intake/classification')
  @HttpCode(200)
  classify(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.query(ClassifyContent.type, request.headers, asObject(body));
  }

  /** How often the classifier's suggestions matched agents' final choices, by week (the center's report). */
  @Doc(queryDoc('GetSuggestionAccuracy'))
  @Allow('supervisor', 'center', 'leader', 'city-admin', 'district-admin', 'auditor')
  @Get('intake/suggestion-accuracy')
  suggestionAccuracy(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetSuggestionAccuracy.type, request.headers, {
      ...minPosition(params),
      ...defined({ weeks: queryValues.number(params, 'weeks') }),
    });
  }

  /** Open cases likely to be the same matter (并单 candidates). */
  @Doc(queryDoc('FindDuplicates', { body: true }))
  @Allow('agent', 'supervisor', 'center')
  @Post('intake/duplicates')
  @HttpCode(200)
  duplicates(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.query(FindDuplicates.type, request.headers, asObject(body));
  }
}

const asObject = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : { body };
