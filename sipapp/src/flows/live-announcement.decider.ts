import {
  LIVE_ANNOUNCEMENT_CATEGORY,
  liveAnnouncementCommands,
  liveAnnouncementEvents,
  type LiveAnnouncementCommand,
  type LiveAnnouncementEvent,
  type PromptLanguage,
} from '@hotline/contracts';
import { defineAggregate, type Decider } from '@hotline/infra/command';
import { TelephonyError, TelephonyRuleViolation, requireTelephonyRole } from './ivr-flow.errors';

export interface LiveAnnouncementState {
  text?: { 'zh-CN': string; en?: string };
  until?: string;
}

export const liveAnnouncementDecider: Decider<
  LiveAnnouncementCommand,
  LiveAnnouncementEvent,
  LiveAnnouncementState
> = {
  initialState: () => ({}),
  evolve: (_state, event) =>
    event.type === 'LiveAnnouncementSet'
      ? { text: event.data.text, ...(event.data.until ? { until: event.data.until } : {}) }
      : {},
  decide: (command, state, context) => {
    requireTelephonyRole(context.actor, command.type);
    switch (command.type) {
      case 'SetLiveAnnouncement': {
        const { until } = command.data;
        if (until !== undefined && Date.parse(until) <= context.now.getTime()) {
          throw new TelephonyRuleViolation(
            TelephonyError.AnnouncementExpired,
            `until: ${until} is not in the future`,
          );
        }
        return [{ type: 'LiveAnnouncementSet', data: { ...command.data, setBy: context.actor.id } }];
      }
      case 'ClearLiveAnnouncement':
        if (currentAnnouncement(state, context.now, 'zh-CN') === undefined) {
          throw new TelephonyRuleViolation(TelephonyError.NoAnnouncement, 'no live announcement is playing');
        }
        return [{ type: 'LiveAnnouncementCleared', data: { clearedBy: context.actor.id } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown live announcement command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

/** The text callers hear now in a language (zh-CN when it has no English), or none. */
export function currentAnnouncement(
  state: LiveAnnouncementState,
  now: Date,
  language: PromptLanguage,
): string | undefined {
  if (state.text === undefined) return undefined;
  if (state.until !== undefined && Date.parse(state.until) <= now.getTime()) return undefined;
  return language === 'en' ? (state.text.en ?? state.text['zh-CN']) : state.text['zh-CN'];
}

/** The city's one live announcement (`ivrAnnouncement-city`). */
export const liveAnnouncementAggregate = defineAggregate({
  category: LIVE_ANNOUNCEMENT_CATEGORY,
  decider: liveAnnouncementDecider,
  events: liveAnnouncementEvents,
  commands: liveAnnouncementCommands,
});
export const LIVE_ANNOUNCEMENT_ID = 'city';
