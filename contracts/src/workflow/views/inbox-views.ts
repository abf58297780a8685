import type { CaseColour } from '../deadline/case-colour';
import type { CaseType, Urgency } from '../case.values';
import type { InboxList } from '../queries/inbox.queries';

export type InboxCounts = Record<InboxList, number>;

export interface InboxItem {
  caseId: string;
  caseNumber: string;
  role: 'lead' | 'co-handler';
  state: string;
  type: CaseType;
  categoryCode: string;
  urgency: Urgency;
  title: string;
  signBy?: string;
  dueAt?: string;
  colour?: CaseColour;
  /** A district office's window to pass the case on to its sub-units, and its colour now. */
  subDispatchBy?: string;
  subDispatchColour?: CaseColour;
  cameBack: boolean;
  extensionPending: boolean;
  updatedAt: string;
}

export interface UnitInboxView {
  unitId: string;
  counts: InboxCounts;
  list: InboxList;
  total: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
}

/** The center's queues, for a viewer who is not a unit user. */
export interface CenterCounts {
  awaitingDispatch: number;
  returned: number;
  awaitingReview: number;
  extensionPending: number;
  awaitingCallback: number;
  overdue: number;
}

export type BadgeCounts =
  { scope: 'unit'; unitId: string; counts: InboxCounts } | { scope: 'center'; counts: CenterCounts };

/** What a citizen sees: never internal notes, units' remarks or anyone else's data. */
export interface CitizenCaseView {
  caseNumber: string;
  /** accepted · in-progress · answered · not-accepted */
  status: 'accepted' | 'in-progress' | 'answered' | 'not-accepted';
  registeredAt: string;
  /** The answer given to the citizen: the reply, the direct answer, or why it was not accepted. */
  answer?: string;
  referral?: string;
  answeredAt?: string;
}

/** One closed case in the public record: no names, phone numbers, addresses or internal notes. */
export interface PublicCaseRecordEntry {
  caseNumber: string;
  type: string;
  categoryCode: string;
  districtId: string;
  registeredAt: string;
  closedAt: string;
  /** What was asked, with personal data removed from the text. */
  request: string;
  /** How it was answered, with personal data removed from the text. */
  answer: string;
}

/** A closed case awaiting the public record review, with the words proposed for publication. */
export interface PublicRecordReviewItem {
  caseId: string;
  caseNumber: string;
  type: string;
  categoryCode: string;
  districtId: string;
  closedAt: string;
  /** The request and the answer with personal data taken out: the reviewer edits them if need be. */
  proposed: { content: string; answer: string };
  /** Whether the proposal differs from what was written (something was taken out). */
  redacted: boolean;
}

export interface PublicRecordReviewPage {
  total: number;
  page: number;
  pageSize: number;
  items: PublicRecordReviewItem[];
}

export interface PublicCaseRecordPage {
  total: number;
  page: number;
  pageSize: number;
  items: PublicCaseRecordEntry[];
}
