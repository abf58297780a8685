import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { NotFoundError, ValidationError, type ContactReceipt } from '@hotline/contracts';
import { identityOf } from '../auth/identity';
import { ANY_ROLE, Allow, Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { minPosition } from '../cases/case-query-params';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { OPEN311_DOCS } from './open311-docs';
import { Open311ErrorFilter } from './open311-error.filter';
import {
  formatOf,
  renderList,
  renderObject,
  setContentType,
  type Open311Fields,
  type Open311Format,
} from './open311-format';
import { Open311Platform } from './open311-platform';
import { requestFields } from './open311-request-view';
import { open311Search, type Open311Search } from './open311-search';
import { serviceDefinitionFields, serviceFields, serviceOf, open311Services } from './open311-services';
import { open311Submission, text } from './open311-submission';
import { OPEN311_CONFIG, type Open311Config } from './open311.config';

type Params = Record<string, unknown>;

const asParams = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {};

/**
 * Open311 GeoReport v2 (`/open311/v2/…`, `.json` or `.xml`): the city's services are its categories,
 * a request is a contact of channel `api` (its case's channel is `open311`), a service request is a
 * case. The key (`api_key`) is an API token; reads are scoped as that token's role and district.
 */
@DocTag('open311')
@UseFilters(Open311ErrorFilter)
@Controller('open311/v2')
export class Open311Controller {
  private readonly platform: Open311Platform;

  constructor(
    @Inject(BUS_CLIENT) bus: ClientProxy,
    @Inject(OPEN311_CONFIG) private readonly config: Open311Config,
  ) {
    this.platform = new Open311Platform(bus);
  }

  @Doc(OPEN311_DOCS.services)
  @Public()
  @Get('services.:format')
  async services(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('format') format: string,
    @Query() query: Params,
  ): Promise<string> {
    const as = formatOf(format);
    this.checkJurisdiction(query);
    const view = await this.platform.categories(request);
    const services = open311Services(view).map((service) => serviceFields(view, service));
    setContentType(response, as);
    return renderList(as, 'services', 'service', services);
  }

  @Doc(OPEN311_DOCS.serviceDefinition)
  @Public()
  @Get('services/:code.:format')
  async serviceDefinition(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('code') code: string,
    @Param('format') format: string,
    @Query() query: Params,
  ): Promise<string> {
    const as = formatOf(format);
    this.checkJurisdiction(query);
    const service = serviceOf(await this.platform.categories(request), code);
    setContentType(response, as);
    return renderObject(as, 'service_definition', serviceDefinitionFields(service));
  }

  @Doc(OPEN311_DOCS.submit)
  @Allow(...ANY_ROLE)
  @Post('requests.:format')
  @HttpCode(201)
  async submit(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('format') format: string,
    @Body() body: unknown,
  ): Promise<string> {
    const as = formatOf(format);
    const params = asParams(body);
    this.checkJurisdiction(params);
    const code = text(params, 'service_code');
    if (code === undefined) throw new ValidationError('service_code', 'is required: one of GET services');
    const categories = await this.platform.categories(request);
    const service = (() => {
      try {
        return serviceOf(categories, code);
      } catch {
        throw new ValidationError(
          'service_code',
          `${code.slice(0, 20)} is not a service of this jurisdiction`,
        );
      }
    })();
    const identity = identityOf(request.headers);
    const submission = open311Submission(params, service, identity?.actorId ?? 'anonymous');
    const receipt = await this.platform.submit(request.headers, submission);
    setContentType(response, as);
    return renderList(as, 'service_requests', 'request', [receiptFields(receipt, submission.accountId)]);
  }

  @Doc(OPEN311_DOCS.search)
  @Allow(...ANY_ROLE)
  @Get('requests.:format')
  async search(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('format') format: string,
    @Query() query: Params,
  ): Promise<string> {
    const as = formatOf(format);
    this.checkJurisdiction(query);
    return this.serviceRequests(request, response, as, open311Search(query, new Date()), query);
  }

  @Doc(OPEN311_DOCS.request)
  @Allow(...ANY_ROLE)
  @Get('requests/:requestId.:format')
  async request(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('requestId') requestId: string,
    @Param('format') format: string,
    @Query() query: Params,
  ): Promise<string> {
    const as = formatOf(format);
    this.checkJurisdiction(query);
    if (!/^\d{7,12}$/.test(requestId)) throw new NotFoundError('service request', requestId.slice(0, 20));
    const search: Open311Search = { kind: 'ids', caseNumbers: [requestId] };
    return this.serviceRequests(request, response, as, search, query, requestId);
  }

  @Doc(OPEN311_DOCS.token)
  @Allow(...ANY_ROLE)
  @Get('tokens/:token.:format')
  async token(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Param('token') token: string,
    @Param('format') format: string,
    @Query() query: Params,
  ): Promise<string> {
    const as = formatOf(format);
    this.checkJurisdiction(query);
    const contact = await this.platform.contact(request.headers, token, minPosition(query));
    setContentType(response, as);
    return renderList(as, 'service_requests', 'request', [
      [
        ['service_request_id', contact.caseNumber ?? null],
        ['token', contact.contactId],
      ],
    ]);
  }

  /** The cases of a search as service requests; `one`: the one asked for, else 404. */
  private async serviceRequests(
    request: IncomingMessage,
    response: ServerResponse,
    as: Open311Format,
    search: Open311Search,
    query: Params,
    one?: string,
  ): Promise<string> {
    const [cases, names] = await Promise.all([
      this.platform.search(request.headers, search, minPosition(query)),
      this.platform.names(request),
    ]);
    if (one !== undefined && cases.length === 0) throw new NotFoundError('service request', one);
    setContentType(response, as);
    const requests = cases.map((view) => requestFields(view, names));
    return renderList(as, 'service_requests', 'request', requests);
  }

  /** One endpoint, one jurisdiction: a client naming another is told so, not answered for this one. */
  private checkJurisdiction(params: Params): void {
    const given = params.jurisdiction_id;
    if (given === undefined || given === this.config.HOTLINE_OPEN311_JURISDICTION_ID) return;
    throw new ValidationError(
      'jurisdiction_id',
      `this endpoint serves ${this.config.HOTLINE_OPEN311_JURISDICTION_ID} only`,
    );
  }
}

/**
 * The answer to a POST: the case number when the platform registered or merged the request itself,
 * else the token to ask for it later (`GET tokens/{token}`); the notice is what to tell the citizen.
 */
function receiptFields(receipt: ContactReceipt, accountId: string | undefined): Open311Fields {
  const caseNumber = receipt.caseId ? receipt.caseNumber : undefined;
  return [
    caseNumber ? ['service_request_id', caseNumber] : ['token', receipt.contactId],
    ['service_notice', receipt.reply ?? null],
    ['account_id', accountId ?? null],
  ];
}
