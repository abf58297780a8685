import { NOTICE_OPT_OUT_CATEGORY, noticeOptOutCommands, noticeOptOutEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { noticeOptOutDecider } from './notice-opt-out.decider';

/** A number's opt-out of case notices (`noticeOptOut-<phone>`). */
export const noticeOptOutAggregate = defineAggregate({
  category: NOTICE_OPT_OUT_CATEGORY,
  decider: noticeOptOutDecider,
  events: noticeOptOutEvents,
  commands: noticeOptOutCommands,
});
