import {
  RuleViolation,
  SURVEY_OPT_OUT_CATEGORY,
  surveyOptOutCommands,
  surveyOptOutEvents,
  type SurveyOptOutCommand,
  type SurveyOptOutEvent,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';

export enum SurveyOptOutError {
  RoleNotAllowed = 'SURVEY_OPT_OUT_ROLE_NOT_ALLOWED',
}

export class SurveyOptOutRuleViolation extends RuleViolation<SurveyOptOutError> {
  static override readonly kinds = { [SurveyOptOutError.RoleNotAllowed]: 'forbidden' } as const;
}

export interface SurveyOptOutState {
  optedOut: boolean;
}

/** Agents and the center record a citizen's wish; the citizen gives it on the survey page (system). */
const KEEPERS = new Set(['agent', 'center', 'system', 'citizen']);

function decide(
  command: SurveyOptOutCommand,
  state: SurveyOptOutState,
  context: DecideContext,
): SurveyOptOutEvent[] {
  if (!KEEPERS.has(context.actor.role))
    throw new SurveyOptOutRuleViolation(
      SurveyOptOutError.RoleNotAllowed,
      `a survey opt-out is not recorded by role ${context.actor.role}`,
    );
  switch (command.type) {
    case 'OptOutOfSurveys':
      return state.optedOut ? [] : [{ type: 'SurveysOptedOut', data: command.data }];
    case 'OptBackIntoSurveys':
      return state.optedOut ? [{ type: 'SurveysOptedBackIn', data: command.data }] : [];
    default: {
      const unknown: never = command;
      throw new Error(`unknown survey opt-out command ${JSON.stringify(unknown)}`);
    }
  }
}

function evolve(_state: SurveyOptOutState, event: SurveyOptOutEvent): SurveyOptOutState {
  return { optedOut: event.type === 'SurveysOptedOut' };
}

/** A number's opt-out of callbacks and surveys: stream `surveyOptOut-<phone>`. Repeats change nothing. */
export const surveyOptOutDecider: Decider<SurveyOptOutCommand, SurveyOptOutEvent, SurveyOptOutState> = {
  initialState: () => ({ optedOut: false }),
  evolve,
  decide,
};

export const surveyOptOutAggregate = defineAggregate({
  category: SURVEY_OPT_OUT_CATEGORY,
  decider: surveyOptOutDecider,
  events: surveyOptOutEvents,
  commands: surveyOptOutCommands,
});
