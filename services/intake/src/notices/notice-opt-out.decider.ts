import type { NoticeOptOutCommand, NoticeOptOutEvent } from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';

/** Whether a number gets notices, folded from `noticeOptOut-<phone>`. */
export interface NoticeOptOutState {
  optedOut: boolean;
}

/** Opting out twice, or in without having opted out, changes nothing (no error: SMS keywords repeat). */
function decide(command: NoticeOptOutCommand, state: NoticeOptOutState): NoticeOptOutEvent[] {
  const { phone } = command.data;
  if (command.type === 'OptOutOfNotices')
    return state.optedOut ? [] : [{ type: 'NoticesOptedOut', data: { phone } }];
  return state.optedOut ? [{ type: 'NoticesOptedIn', data: { phone } }] : [];
}

const evolve = (_state: NoticeOptOutState, event: NoticeOptOutEvent): NoticeOptOutState => ({
  optedOut: event.type === 'NoticesOptedOut',
});

export const noticeOptOutDecider: Decider<NoticeOptOutCommand, NoticeOptOutEvent, NoticeOptOutState> = {
  initialState: () => ({ optedOut: false }),
  evolve,
  decide,
};

export const noticeOptOutStreamId = (phone: string): string => `noticeOptOut-${phone}`;
