import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetBadgeCounts,
  GetCase,
  GetCaseTimeline,
  GetUnitInbox,
  ListCaseAuditTrail,
  ListPublicCaseRecord,
  LookUpCaseForCitizen,
  SearchCases,
  WORKFLOW_SERVICE,
  querySubject,
  type BadgeCounts,
  type CaseAuditPage,
  type CaseDetailView,
  type CaseSearchResult,
  type CaseTimelineEntry,
  type CitizenCaseView,
  type PublicCaseRecordPage,
  type UnitInboxView,
} from '@hotline/contracts';
import { ZodPayloadPipe } from '@hotline/infra/bus';
import type { z } from 'zod';
import { AuditTrailService } from './audit-trail.service';
import { CaseQueryService } from './case-query.service';
import { CitizenLookupService } from './citizen-lookup.service';
import { InboxQueryService } from './inbox-query.service';
import { PublicRecordService } from '../../public-record/public-record.service';

const subject = (type: string): string => querySubject(WORKFLOW_SERVICE, type);
type QueryOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;

/** The workflow's queries, as request/reply handlers; each payload is validated by its contract. */
@Controller()
export class WorkflowQueriesController {
  constructor(
    private readonly cases: CaseQueryService,
    private readonly inboxes: InboxQueryService,
    private readonly citizens: CitizenLookupService,
    private readonly publicRecord: PublicRecordService,
    private readonly audit: AuditTrailService,
  ) {}

  @MessagePattern(subject(GetCase.type))
  getCase(
    @Payload(new ZodPayloadPipe(GetCase.schema)) query: QueryOf<typeof GetCase>,
  ): Promise<CaseDetailView> {
    return this.cases.getCase(query);
  }

  @MessagePattern(subject(GetCaseTimeline.type))
  getTimeline(
    @Payload(new ZodPayloadPipe(GetCaseTimeline.schema)) query: QueryOf<typeof GetCaseTimeline>,
  ): Promise<CaseTimelineEntry[]> {
    return this.cases.getTimeline(query);
  }

  @MessagePattern(subject(SearchCases.type))
  search(
    @Payload(new ZodPayloadPipe(SearchCases.schema)) query: QueryOf<typeof SearchCases>,
  ): Promise<CaseSearchResult> {
    return this.cases.search(query);
  }

  @MessagePattern(subject(ListCaseAuditTrail.type))
  auditTrail(
    @Payload(new ZodPayloadPipe(ListCaseAuditTrail.schema)) query: QueryOf<typeof ListCaseAuditTrail>,
  ): Promise<CaseAuditPage> {
    return this.audit.list(query);
  }

  @MessagePattern(subject(GetUnitInbox.type))
  inbox(
    @Payload(new ZodPayloadPipe(GetUnitInbox.schema)) query: QueryOf<typeof GetUnitInbox>,
  ): Promise<UnitInboxView> {
    return this.inboxes.inbox(query);
  }

  @MessagePattern(subject(GetBadgeCounts.type))
  badgeCounts(
    @Payload(new ZodPayloadPipe(GetBadgeCounts.schema)) query: QueryOf<typeof GetBadgeCounts>,
  ): Promise<BadgeCounts> {
    return this.inboxes.badgeCounts(query);
  }

  @MessagePattern(subject(LookUpCaseForCitizen.type))
  lookUpForCitizen(
    @Payload(new ZodPayloadPipe(LookUpCaseForCitizen.schema)) query: QueryOf<typeof LookUpCaseForCitizen>,
  ): Promise<CitizenCaseView> {
    return this.citizens.lookUp(query);
  }

  @MessagePattern(subject(ListPublicCaseRecord.type))
  listPublicRecord(
    @Payload(new ZodPayloadPipe(ListPublicCaseRecord.schema)) query: QueryOf<typeof ListPublicCaseRecord>,
  ): Promise<PublicCaseRecordPage> {
    return this.publicRecord.list(query);
  }
}
