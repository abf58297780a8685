import type { CaseNoticeEvent, CaseNoticeKind } from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';

/** What the notice manager decides on a case's notice stream (internal: no bus command). */
export type CaseNoticeDecision =
  | {
      type: 'Subscribe';
      data: { caseId: string; caseNumber: string; phone: string; first?: NoticeToQueue };
    }
  | { type: 'Queue'; data: { caseId: string } & NoticeToQueue }
  | { type: 'MarkSent'; data: { caseId: string; sourceEventId: string; parts: number } }
  | { type: 'Withhold'; data: { caseId: string; sourceEventId: string; reason: 'opted-out' } };

export interface NoticeToQueue {
  sourceEventId: string;
  kind: CaseNoticeKind;
  text: string;
  notBefore: string;
}

export interface NoticeState {
  kind: CaseNoticeKind;
  text: string;
  notBefore: string;
  settled: boolean;
}

/** A case's notices, folded from `caseNotice-<caseId>`: none unless its citizen gets them. */
export interface CaseNoticeState {
  subscriber?: { caseNumber: string; phone: string };
  /** By the id of the workflow event each answers. */
  notices: Record<string, NoticeState>;
}

const queued = (caseId: string, notice: NoticeToQueue): CaseNoticeEvent => ({
  type: 'CaseNoticeQueued',
  data: { caseId, ...notice },
});

/**
 * Each notice is keyed by the workflow event it answers, so a redelivered event queues nothing
 * new, and a notice is settled (sent or withheld) once: the manager never sends it again.
 */
function decide(command: CaseNoticeDecision, state: CaseNoticeState): CaseNoticeEvent[] {
  switch (command.type) {
    case 'Subscribe': {
      if (state.subscriber) return [];
      const { first, ...subscriber } = command.data;
      return [
        { type: 'CaseNoticesSubscribed', data: subscriber },
        ...(first ? [queued(subscriber.caseId, first)] : []),
      ];
    }
    case 'Queue': {
      const { caseId, ...notice } = command.data;
      if (!state.subscriber || state.notices[notice.sourceEventId]) return [];
      return [queued(caseId, notice)];
    }
    case 'MarkSent':
    case 'Withhold': {
      const notice = state.notices[command.data.sourceEventId];
      if (!notice || notice.settled) return [];
      return command.type === 'MarkSent'
        ? [{ type: 'CaseNoticeSent', data: command.data }]
        : [{ type: 'CaseNoticeWithheld', data: command.data }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown case notice decision ${JSON.stringify(unknown)}`);
    }
  }
}

function evolve(state: CaseNoticeState, event: CaseNoticeEvent): CaseNoticeState {
  switch (event.type) {
    case 'CaseNoticesSubscribed':
      return { ...state, subscriber: { caseNumber: event.data.caseNumber, phone: event.data.phone } };
    case 'CaseNoticeQueued': {
      const { sourceEventId, kind, text, notBefore } = event.data;
      return {
        ...state,
        notices: { ...state.notices, [sourceEventId]: { kind, text, notBefore, settled: false } },
      };
    }
    case 'CaseNoticeSent':
    case 'CaseNoticeWithheld': {
      const notice = state.notices[event.data.sourceEventId];
      if (!notice) return state;
      return {
        ...state,
        notices: { ...state.notices, [event.data.sourceEventId]: { ...notice, settled: true } },
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown case notice event ${JSON.stringify(unknown)}`);
    }
  }
}

export const caseNoticeDecider: Decider<CaseNoticeDecision, CaseNoticeEvent, CaseNoticeState> = {
  initialState: () => ({ notices: {} }),
  evolve,
  decide,
};

export const caseNoticeStreamId = (caseId: string): string => `caseNotice-${caseId}`;
