import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import {
  GetCase,
  GetCategories,
  GetContact,
  HotlineError,
  ListUnits,
  NotFoundError,
  SearchCases,
  SubmitContact,
  ValidationError,
  type CaseDetailView,
  type CaseSearchResult,
  type CaseSummaryView,
  type CategoriesView,
  type ContactReceipt,
  type ContactView,
  type UnitView,
} from '@hotline/contracts';
import type { ClientProxy } from '@nestjs/microservices';
import { actorFromRequest } from '../actor-from-request';
import { IntakeRequests, PORTAL_VIEWER } from '../intake/intake-requests';
import { WorkflowRequests } from '../workflow-requests';
import type { Names } from './open311-request-view';
import { MAX_REQUESTS, type Open311Search } from './open311-search';
import type { Open311Submission } from './open311-submission';

/** Read-after-write (`minPosition`, as on every read of the API): the answer includes that write. */
export type AfterPosition = Record<string, unknown>;

/** Contract field names of a contact as the GeoReport v2 parameters they came from. */
const PARAMETER_OF: Readonly<Record<string, string>> = {
  'place.lat': 'lat',
  'place.lng': 'long',
  'place.address': 'address_string',
  'caller.phone': 'phone',
  'caller.email': 'email',
  'caller.name': 'last_name',
  content: 'description',
  externalRef: 'device_id',
};

function asParameterError(error: unknown): never {
  if (error instanceof HotlineError && error.kind === 'validation' && error.field !== undefined) {
    const name = PARAMETER_OF[error.field];
    if (name) {
      const reason = error.message.startsWith(`${error.field}: `)
        ? error.message.slice(error.field.length + 2)
        : error.message;
      throw new ValidationError(name, reason, error.code);
    }
  }
  throw error;
}

/** What the Open311 endpoint asks of the platform: intake for requests, the workflow for cases. */
export class Open311Platform {
  private readonly workflow: WorkflowRequests;
  private readonly intake: IntakeRequests;

  constructor(bus: ClientProxy) {
    this.workflow = new WorkflowRequests(bus);
    this.intake = new IntakeRequests(bus);
  }

  categories(request: IncomingMessage): Promise<CategoriesView> {
    return this.workflow.publicQuery(GetCategories.type, request.headers, {
      viewer: PORTAL_VIEWER,
    }) as Promise<CategoriesView>;
  }

  /** Category and unit names (public: the portal shows both). */
  async names(request: IncomingMessage): Promise<Names> {
    const [categories, units] = await Promise.all([
      this.categories(request),
      this.workflow.publicQuery(ListUnits.type, request.headers, {
        viewer: PORTAL_VIEWER,
        includeInactive: true,
      }) as Promise<UnitView[]>,
    ]);
    const category = new Map(categories.categories.map((c) => [c.code, c.name]));
    const unit = new Map(units.map((u) => [u.unitId, u.name]));
    return { service: (code) => category.get(code), unit: (unitId) => unit.get(unitId) };
  }

  /**
   * The contact, submitted as self-service by the key holder (recorded as theirs, acting as the
   * platform's channel, so the intake rules for self-service apply), in the key holder's district.
   */
  submit(headers: IncomingHttpHeaders, submission: Open311Submission): Promise<ContactReceipt> {
    const viewer = actorFromRequest(headers);
    const actor = { ...viewer.actor, role: 'system' };
    return (
      this.intake.command(
        SubmitContact.type,
        headers,
        { commandId: submission.commandId, ...submission.contact },
        {},
        { actor, districtId: viewer.districtId },
      ) as Promise<ContactReceipt>
    ).catch(asParameterError);
  }

  /** The contact of a token the endpoint gave out (only Open311 contacts: a token is nothing else). */
  async contact(headers: IncomingHttpHeaders, token: string, after: AfterPosition): Promise<ContactView> {
    if (!/^open311-[0-9a-f]{32}$/.test(token)) throw new NotFoundError('token', token.slice(0, 40));
    const contact = (await this.intake.query(GetContact.type, headers, {
      contactId: token,
      ...after,
    })) as ContactView;
    if (contact.channel !== 'api') throw new NotFoundError('token', token);
    return contact;
  }

  /** The cases of a search, newest first, as detail views (the description and the reply are there). */
  async search(
    headers: IncomingHttpHeaders,
    search: Open311Search,
    after: AfterPosition,
  ): Promise<CaseDetailView[]> {
    const pages =
      search.kind === 'ids'
        ? search.caseNumbers.map((caseNumber) => this.cases(headers, { caseNumber, pageSize: 1, ...after }))
        : (search.categoryCodes ?? [undefined]).map((categoryCode) =>
            this.cases(headers, {
              ...(categoryCode ? { categoryCode } : {}),
              ...(search.status ? { status: search.status } : {}),
              registeredFrom: search.registeredFrom,
              registeredTo: search.registeredTo,
              sort: 'registeredAt',
              order: 'desc',
              pageSize: MAX_REQUESTS,
              ...after,
            }),
          );
    const found = new Map<string, CaseSummaryView>();
    for (const item of (await Promise.all(pages)).flat()) found.set(item.caseId, item);
    const newest = [...found.values()]
      .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
      .slice(0, MAX_REQUESTS);
    return Promise.all(
      newest.map(
        (item) =>
          this.workflow.query(GetCase.type, headers, { caseId: item.caseId }) as Promise<CaseDetailView>,
      ),
    );
  }

  private async cases(
    headers: IncomingHttpHeaders,
    params: Record<string, unknown>,
  ): Promise<CaseSummaryView[]> {
    const result = (await this.workflow.query(SearchCases.type, headers, params)) as CaseSearchResult;
    return result.items;
  }
}
