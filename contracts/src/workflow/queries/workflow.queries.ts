import { ListCaseAuditTrail } from './audit.queries';
import { GetCase, GetCaseTimeline, SearchCases } from './case.queries';
import { ListPublicCaseRecord, ListPublicRecordReviews, LookUpCaseForCitizen } from './citizen.queries';
import { GetBadgeCounts, GetUnitInbox } from './inbox.queries';

/** Every query the workflow service answers. */
export const workflowQueries = [
  GetCase,
  GetCaseTimeline,
  SearchCases,
  GetUnitInbox,
  GetBadgeCounts,
  LookUpCaseForCitizen,
  ListPublicCaseRecord,
  ListPublicRecordReviews,
  ListCaseAuditTrail,
] as const;
