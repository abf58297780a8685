import type { CaseColour } from '../deadline/case-colour';
import type { AttachmentRef, CaseChannel, CaseStatus, CaseType, Place, Urgency } from '../case.values';
import type { Citizen } from '../citizen';

/**
 * What the workflow queries answer. Instants are ISO strings; `colour` is derived at query time
 * from the deadline in force, the working calendar and now.
 */
export interface CaseUnitView {
  unitId: string;
  role: 'lead' | 'co-handler';
  status: string;
  signBy?: string;
  dueAt?: string;
  subDispatchBy?: string;
}

export interface CaseReplyView {
  unitId: string;
  result: string;
  attachments: AttachmentRef[];
  at: string;
}

export interface CaseSummaryView {
  caseId: string;
  caseNumber: string;
  districtId: string;
  status: CaseStatus;
  type: CaseType;
  categoryCode: string;
  channel: CaseChannel;
  urgency: Urgency;
  /** The beginning of the content. */
  title: string;
  address?: string;
  leadUnitId?: string;
  registeredAt: string;
  updatedAt: string;
  /** The dispatch deadline while awaiting dispatch, then the handling deadline. */
  deadlineAt?: string;
  colour?: CaseColour;
  overdue: boolean;
  /** Contacts that repeated the case (并单): the escalation ladder climbs with it. */
  repeatCount: number;
  /** While a district office holds the case it may still pass on to its sub-units (12 hours). */
  subDispatch?: SubDispatchWindowView;
}

export interface SubDispatchWindowView {
  unitId: string;
  by: string;
  colour: CaseColour;
  /** The window passed with the case still at the district office. */
  overdue: boolean;
}

export interface CaseDetailView extends CaseSummaryView {
  content: string;
  /** Masked for viewers who must not see it (a confidential citizen and a unit user). */
  citizen: Partial<Citizen>;
  place?: Place;
  attachments: AttachmentRef[];
  simple: boolean;
  convenienceList: boolean;
  dispatchBy: string;
  units: CaseUnitView[];
  dueAt?: string;
  limitWorkingDays?: number;
  extendedWorkingDays: number;
  pendingExtension?: { unitId: string; requestedDueAt: string; workingDays: number };
  returnCount: number;
  redoCount: number;
  underSupervision: boolean;
  reportedToLeader: boolean;
  leaderInstructionCount: number;
  masterCaseId?: string;
  duplicateCaseIds: string[];
  reply?: CaseReplyView;
  lastCallback?: { reached: boolean; ratings?: Record<string, string>; redoRequired: boolean; at: string };
  closedAt?: string;
}

/**
 * What a timeline line needs besides its type, as data the console words in the reader's language:
 * units as ids (the console shows their names), instants as ISO strings (shown in the city's zone),
 * and the free text the actor wrote (`note`: a dispatch note, a reason, a summary for the leaders,
 * an instruction, a comment), so the next role reads it where it acts.
 */
export interface CaseTimelineDetails {
  caseNumber?: string;
  type?: string;
  categoryCode?: string;
  channel?: string;
  /** The units the case went to: the lead first, then the co-handlers. */
  units?: string[];
  unitId?: string;
  /** Where a case went from a unit: the sub-unit, or the unit a return went back to. */
  toUnitId?: string;
  role?: 'lead' | 'co-handler';
  dueAt?: string;
  workingDays?: number;
  /** A coded reason (return, not accepted, fallback, callback waiver): the console names it. */
  reason?: string;
  note?: string;
  basis?: string;
  referral?: string;
  linkedCaseId?: string;
  count?: number;
  reached?: boolean;
  ratings?: Record<string, string>;
  redoRequired?: boolean;
  underSupervision?: boolean;
  /** The public record review: published, or withheld (its reason in `note`). */
  decision?: 'publish' | 'withhold';
}

export interface CaseTimelineEntry {
  eventId: string;
  revision: number;
  type: string;
  at: string;
  /** Who acted: `name` is the user's display name when the gateway knew it; `gatewayRole` their role. */
  actor: { id: string; role: string; unitId?: string; gatewayRole?: string; name?: string };
  /** One English line for integrators; the console words `details` itself. */
  summary: string;
  details: CaseTimelineDetails;
}

/** A line of the audit trail: a case event with the case it belongs to. */
export interface CaseAuditEntry extends CaseTimelineEntry {
  caseId: string;
  caseNumber?: string;
}

export interface CaseAuditPage {
  total: number;
  page: number;
  pageSize: number;
  items: CaseAuditEntry[];
}

export interface CaseSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: CaseSummaryView[];
}
