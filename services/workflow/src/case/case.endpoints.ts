import {
  GetBadgeCounts,
  GetCase,
  GetCaseTimeline,
  GetUnitInbox,
  ListCaseAuditTrail,
  LookUpCaseForCitizen,
  ReserveCaseNumber,
  SearchCases,
  caseCommands,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { CaseNumberReservations } from './case-number/case-number-reservations';
import type { CaseCommandService } from './commands/case-command.service';
import type { AuditTrailService } from './queries/audit-trail.service';
import type { CaseQueryService } from './queries/case-query.service';
import type { CitizenLookupService } from './queries/citizen-lookup.service';
import type { InboxQueryService } from './queries/inbox-query.service';

/** The case's commands and queries on the bus. */
export const caseEndpoints = (deps: {
  commands: CaseCommandService;
  cases: CaseQueryService;
  inboxes: InboxQueryService;
  citizens: CitizenLookupService;
  audit: AuditTrailService;
  reservations: CaseNumberReservations;
}): BusEndpoint[] => [
  ...caseCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.execute(command)),
  ),
  commandEndpoint(ReserveCaseNumber, (command) => deps.reservations.reserve(command)),
  queryEndpoint(GetCase, (query) => deps.cases.getCase(query)),
  queryEndpoint(GetCaseTimeline, (query) => deps.cases.getTimeline(query)),
  queryEndpoint(SearchCases, (query) => deps.cases.search(query)),
  queryEndpoint(GetUnitInbox, (query) => deps.inboxes.inbox(query)),
  queryEndpoint(GetBadgeCounts, (query) => deps.inboxes.badgeCounts(query)),
  queryEndpoint(LookUpCaseForCitizen, (query) => deps.citizens.lookUp(query)),
  queryEndpoint(ListCaseAuditTrail, (query) => deps.audit.list(query)),
];
