import {
  POST_CALL_SURVEY_CATEGORY,
  RuleViolation,
  postCallSurveyCommands,
  postCallSurveyEvents,
  type PostCallSurveyCommand,
  type PostCallSurveyEvent,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';

export enum PostCallSurveyError {
  RoleNotAllowed = 'POST_CALL_SURVEY_ROLE_NOT_ALLOWED',
}

export class PostCallSurveyRuleViolation extends RuleViolation<PostCallSurveyError> {
  static override readonly kinds = { [PostCallSurveyError.RoleNotAllowed]: 'forbidden' } as const;
}

export interface PostCallSurveyState {
  recorded: boolean;
}

/**
 * The caller's 1/2/3 after an agent's call: stream `postCallSurvey-<callId>`. Only the IVR (the
 * platform) records it, never an agent rating themselves; a second key press changes nothing.
 */
export const postCallSurveyDecider: Decider<PostCallSurveyCommand, PostCallSurveyEvent, PostCallSurveyState> =
  {
    initialState: () => ({ recorded: false }),
    evolve: () => ({ recorded: true }),
    decide(command, state, context: DecideContext) {
      if (context.actor.role !== 'system')
        throw new PostCallSurveyRuleViolation(
          PostCallSurveyError.RoleNotAllowed,
          `a post-call survey is recorded by the IVR, not role ${context.actor.role}`,
        );
      if (state.recorded) return [];
      return [{ type: 'PostCallSurveyRecorded', data: command.data }];
    },
  };

export const postCallSurveyAggregate = defineAggregate({
  category: POST_CALL_SURVEY_CATEGORY,
  decider: postCallSurveyDecider,
  events: postCallSurveyEvents,
  commands: postCallSurveyCommands,
});
