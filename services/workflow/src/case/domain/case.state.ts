import type { CaseStatus, HandlingProfile, UnitAssignment } from '@hotline/contracts';

export interface SuperiorAssignment extends UnitAssignment {
  /** A fallback unit (兜底单位) cannot return the case. */
  fallback: boolean;
}

export interface LeadAssignment extends SuperiorAssignment {
  status: 'dispatched' | 'signed' | 'returned';
  /** The units that signed and sub-dispatched the case down to this one, nearest last. */
  superiors: SuperiorAssignment[];
}

export interface CoHandler extends UnitAssignment {
  status: 'dispatched' | 'signed' | 'replied' | 'returned';
  dueAt: string;
}

export interface PendingExtension {
  unitId: string;
  requestedDueAt: string;
  workingDays: number;
}

export interface LastCallback {
  reached: boolean;
  redoRequired: boolean;
}

/** A registered case. Instants are ISO strings, as events carry them. */
export interface CaseRecord {
  status: CaseStatus;
  caseId: string;
  caseNumber: string;
  profile: HandlingProfile;
  citizenAnonymous: boolean;
  /** Present from the first dispatch on. */
  lead?: LeadAssignment;
  /** Every unit the case was ever given (lead, superiors, co-handlers): the units whose users may act on it. */
  involvedUnitIds: string[];
  coHandlers: CoHandler[];
  dueAt?: string;
  limitWorkingDays?: number;
  /** Working days granted by extensions of the current handling; never more than the limit. */
  extendedWorkingDays: number;
  pendingExtension?: PendingExtension;
  /** Returns of the lead to the center, over the case's life (the fallback rule counts them). */
  returnCount: number;
  redoCount: number;
  underSupervision: boolean;
  /** The latest callback since the case was last completed. */
  lastCallback?: LastCallback;
  reportedToLeader: boolean;
  leaderInstructionCount: number;
  masterCaseId?: string;
  duplicateCaseIds: string[];
  /** The contacts intake merged into the case (并单), in order: the repeat count is their number. */
  repeatContactIds: string[];
}

export type CaseState = { status: 'none' } | CaseRecord;

export const initialCaseState = (): CaseState => ({ status: 'none' });

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'declined', 'merged'];
