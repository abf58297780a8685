import type { CaseEvent, CaseReplyView, CaseStatus, RecordedEvent } from '@hotline/contracts';
import { evolve, type CaseRecord } from '../domain';
import { isoZ, nextTasks, openSubDispatchWindow, type UnitTask } from './case-tasks';

type Registered = Extract<CaseEvent, { type: 'CaseRegistered' }>['data'];

/**
 * What the case projection derives from a case's events and rewrites at each one: the domain state
 * (the case's own `evolve`, so the read model never disagrees with the rules) and the fields the
 * queries filter on. Clearable fields are `null`, never left out, so a `$set` of the view clears them.
 */
/** What the center decided for the public record, and when. */
export type PublicationView =
  | { decision: 'publish'; content: string; answer: string; at: string }
  | { decision: 'withhold'; reason: string; at: string };

export interface CaseView {
  caseId: string;
  caseNumber: string;
  districtId: string;
  type: Registered['type'];
  categoryCode: string;
  channel: Registered['channel'];
  urgency: Registered['urgency'];
  title: string;
  registeredAt: string;
  dispatchBy: string;
  state: CaseRecord;
  status: CaseStatus;
  leadUnitId: string | null;
  /** Every unit the case was ever with: the scope of a unit user's searches. */
  unitIds: string[];
  /** The deadline in force: dispatch while registered, then handling; null when none applies. */
  deadlineAt: string | null;
  hasDeadline: boolean;
  /** While a district office holds the case: until when it may pass it on to its sub-units. */
  subDispatchBy: string | null;
  replied: boolean;
  repliedAt: string | null;
  repliedLate: boolean;
  reply: CaseReplyView | null;
  coHandlerReplies: CaseReplyView[];
  /** What the citizen is told: the accepted reply, the direct answer, or why it was not accepted. */
  publicAnswer: { answer: string; referral?: string; at: string } | null;
  /** The public record review (办件公开): null until the center decided. */
  publication: PublicationView | null;
  lastCallback: {
    reached: boolean;
    ratings?: Record<string, string>;
    redoRequired: boolean;
    at: string;
  } | null;
  extensionPending: boolean;
  /** Completed and not yet called back: the callback to-do list (回访待办). */
  awaitingCallback: boolean;
  /** Reported to the leaders (呈报), and whether a leader wrote an instruction (批示): the leader's lists. */
  reportedToLeader: boolean;
  instructed: boolean;
  /** Contacts that repeated the case (并单); the escalation ladder climbs with it. */
  repeatCount: number;
  completedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  tasks: UnitTask[];
}

const TITLE_LENGTH = 60;

/** The view after `event`; undefined for an event of a case never registered (nothing to show). */
export function applyCaseEvent(previous: CaseView | undefined, event: RecordedEvent): CaseView | undefined {
  const caseEvent = { type: event.type, data: event.data } as CaseEvent;
  const at = isoZ(event.time);
  if (caseEvent.type === 'CaseRegistered') return registered(caseEvent.data, event.metadata.districtId, at);
  if (!previous) return undefined;
  const state = evolve(previous.state, caseEvent);
  if (state.status === 'none') return previous;
  const view: CaseView = {
    ...previous,
    ...eventFields(previous, caseEvent, at),
    state,
    status: state.status,
    leadUnitId: state.lead?.unitId ?? null,
    extensionPending: state.pendingExtension !== undefined,
    awaitingCallback: state.status === 'completed' && state.lastCallback === undefined,
    reportedToLeader: state.reportedToLeader,
    instructed: state.leaderInstructionCount > 0,
    repeatCount: state.repeatContactIds.length,
    updatedAt: at,
    tasks: nextTasks(previous.tasks, state, caseEvent),
  };
  const deadlineAt = deadlineOf(view, state);
  const unitIds = new Set([...previous.unitIds, ...view.tasks.map((t) => t.unitId)]);
  return {
    ...view,
    deadlineAt,
    hasDeadline: deadlineAt !== null,
    subDispatchBy: openSubDispatchWindow(state),
    unitIds: [...unitIds],
  };
}

function registered(data: Registered, districtId: string, at: string): CaseView {
  const state = evolve({ status: 'none' }, { type: 'CaseRegistered', data }) as CaseRecord;
  return {
    caseId: data.caseId,
    caseNumber: data.caseNumber,
    districtId,
    type: data.type,
    categoryCode: data.categoryCode,
    channel: data.channel,
    urgency: data.urgency,
    title: [...data.content].slice(0, TITLE_LENGTH).join(''),
    registeredAt: at,
    dispatchBy: isoZ(data.dispatchBy),
    state,
    status: state.status,
    leadUnitId: null,
    unitIds: [],
    deadlineAt: isoZ(data.dispatchBy),
    hasDeadline: true,
    subDispatchBy: null,
    replied: false,
    repliedAt: null,
    repliedLate: false,
    reply: null,
    coHandlerReplies: [],
    publicAnswer: null,
    publication: null,
    lastCallback: null,
    extensionPending: false,
    awaitingCallback: false,
    reportedToLeader: false,
    instructed: false,
    repeatCount: 0,
    completedAt: null,
    closedAt: null,
    updatedAt: at,
    tasks: [],
  };
}

const NEW_HANDLING: Partial<CaseView> = {
  replied: false,
  repliedAt: null,
  repliedLate: false,
  reply: null,
  coHandlerReplies: [],
  completedAt: null,
};

/** The fields an event sets besides the domain state. */
function eventFields(previous: CaseView, event: CaseEvent, at: string): Partial<CaseView> {
  switch (event.type) {
    case 'CaseAnsweredAtIntake':
      return { publicAnswer: { answer: event.data.answer, at }, closedAt: at };
    case 'CaseDeclined': {
      const { explanation, referral } = event.data;
      return {
        publicAnswer: { answer: explanation, ...(referral !== undefined ? { referral } : {}), at },
        closedAt: at,
      };
    }
    case 'CaseDispatched':
    case 'CaseRedispatched':
    case 'CaseDispatchedToFallbackUnit':
    case 'CaseRedone':
      return NEW_HANDLING;
    case 'CaseReplied': {
      const { unitId, result, attachments } = event.data;
      const dueAt = previous.state.dueAt;
      return {
        replied: true,
        repliedAt: at,
        repliedLate: dueAt !== undefined && new Date(at) > new Date(dueAt),
        reply: { unitId, result, attachments, at },
      };
    }
    case 'CaseCoHandlerReplied': {
      const { unitId, result, attachments } = event.data;
      return { coHandlerReplies: [...previous.coHandlerReplies, { unitId, result, attachments, at }] };
    }
    case 'CaseReplySentBack':
      return { replied: false, repliedAt: null, repliedLate: false };
    case 'CaseCompleted':
      // A new completion awaits a new callback: the last one belonged to the previous handling.
      return {
        completedAt: at,
        lastCallback: null,
        publicAnswer: previous.reply ? { answer: previous.reply.result, at } : null,
      };
    case 'CaseCallbackRecorded': {
      const data = event.data;
      return {
        lastCallback: data.reached
          ? { reached: true, ratings: { ...data.ratings }, redoRequired: data.redoRequired, at }
          : { reached: false, redoRequired: false, at },
      };
    }
    case 'CaseClosed':
      return { closedAt: at };
    case 'CasePublicRecordReviewed': {
      const { caseId: _caseId, ...decision } = event.data;
      return { publication: { ...decision, at } };
    }
    case 'CaseRegistered':
    case 'CaseMerged':
    case 'CaseDuplicateLinked':
    case 'CaseSubDispatched':
    case 'CaseReportedToLeader':
    case 'CaseLeaderInstructionRecorded':
    case 'CaseSigned':
    case 'CaseReturned':
    case 'CaseExtensionRequested':
    case 'CaseExtensionApproved':
    case 'CaseExtensionRejected':
    case 'CaseRepeatContactRecorded':
      return {};
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function deadlineOf(view: CaseView, state: CaseRecord): string | null {
  if (state.status === 'registered') return view.dispatchBy;
  if (state.status === 'declined' || state.status === 'merged' || state.dueAt === undefined) return null;
  return isoZ(state.dueAt);
}
