import {
  SURVEY_SMS_CATEGORY,
  surveySmsCommands,
  surveySmsEvents,
  type SurveySmsCommand,
  type SurveySmsEvent,
} from '@hotline/contracts';
import { defineAggregate, type Decider } from '@hotline/infra/command';

/** What became of one survey SMS, folded from `surveySms-<smsId>`: nothing yet, sent, or withheld. */
export interface SurveySmsState {
  settled?: { outcome: 'sent'; parts: number } | { outcome: 'withheld'; reason: 'opted-out' };
}

/** What the delivery found before the decision: the parts the SMSC took, or the number's opt-out. */
export interface SurveySmsContext {
  parts?: number;
  withheld?: boolean;
}

/**
 * An SMS is settled once: a repeat (same or another command id) records nothing and sends nothing.
 * Nothing is recorded while it waits for the quiet hours to end or the SMSC to come back.
 */
export const surveySmsDecider: Decider<SurveySmsCommand, SurveySmsEvent, SurveySmsState, SurveySmsContext> = {
  initialState: () => ({}),
  evolve: (_state, event) =>
    event.type === 'SurveySmsSent'
      ? { settled: { outcome: 'sent', parts: event.data.parts } }
      : { settled: { outcome: 'withheld', reason: event.data.reason } },
  decide: (command, state, context) => {
    if (state.settled) return [];
    const { smsId } = command.data;
    if (context.withheld) return [{ type: 'SurveySmsWithheld', data: { smsId, reason: 'opted-out' } }];
    if (context.parts !== undefined)
      return [{ type: 'SurveySmsSent', data: { smsId, parts: context.parts } }];
    return [];
  },
};

/** `surveySms-<smsId>`. */
export const surveySmsAggregate = defineAggregate({
  category: SURVEY_SMS_CATEGORY,
  decider: surveySmsDecider,
  events: surveySmsEvents,
  commands: surveySmsCommands,
});
