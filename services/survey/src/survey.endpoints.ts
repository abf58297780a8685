import {
  GetAgentSurveyScores,
  GetSatisfaction,
  postCallSurveyCommands,
  surveyOptOutCommands,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { surveyOptOutAggregate } from './opt-out/survey-opt-out.decider';
import { postCallSurveyAggregate } from './post-call/post-call-survey.decider';
import type { SurveyQueries } from './read-models/survey-queries';

/** Opt-outs, post-call surveys and the satisfaction figures on the bus. */
export const surveyEndpoints = (deps: {
  commandDeps: CommandHandlerDeps;
  queries: SurveyQueries;
}): BusEndpoint[] => [
  ...surveyOptOutCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.commandDeps, { aggregate: surveyOptOutAggregate, id: command.data.phone, command }),
    ),
  ),
  ...postCallSurveyCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.commandDeps, {
        aggregate: postCallSurveyAggregate,
        id: command.data.callId,
        command,
      }),
    ),
  ),
  queryEndpoint(GetSatisfaction, (query) => deps.queries.satisfaction(query)),
  queryEndpoint(GetAgentSurveyScores, (query) => deps.queries.agentScores(query)),
];
