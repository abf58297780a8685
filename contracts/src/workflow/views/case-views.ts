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

export interface CaseTimelineEntry {
  eventId: string;
  revision: number;
  type: string;
  at: string;
  actor: { id: string; role: string; unitId?: string };
  summary: string;
}

export interface CaseSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: CaseSummaryView[];
}
