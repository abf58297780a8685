import {
  STAFF_NOTICE_CATEGORY,
  staffNoticeCommands,
  staffNoticeEvents,
  type StaffNoticeCommand,
  type StaffNoticeEvent,
} from '@hotline/contracts';
import { defineAggregate, type Decider } from '@hotline/infra/command';

export interface StaffNoticeState {
  sent: boolean;
}

/** What the send gave: the SMS parts the SMSC took (none for a mail), or nothing when already sent. */
export interface StaffNoticeContext {
  parts?: number;
}

/** A notice is sent once: a repeat (same or another command id) records nothing and sends nothing. */
export const staffNoticeDecider: Decider<
  StaffNoticeCommand,
  StaffNoticeEvent,
  StaffNoticeState,
  StaffNoticeContext
> = {
  initialState: () => ({ sent: false }),
  evolve: () => ({ sent: true }),
  decide: (command, state, context) => {
    if (state.sent) return [];
    const { noticeId, channel } = command.data;
    return [
      {
        type: 'StaffNoticeSent',
        data: { noticeId, channel, ...(context.parts !== undefined ? { parts: context.parts } : {}) },
      },
    ];
  },
};

/** `staffNotice-<noticeId>`. */
export const staffNoticeAggregate = defineAggregate({
  category: STAFF_NOTICE_CATEGORY,
  decider: staffNoticeDecider,
  events: staffNoticeEvents,
  commands: staffNoticeCommands,
});
