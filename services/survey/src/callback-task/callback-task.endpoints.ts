import {
  AnswerCallbackSurvey,
  GetCallbackSurveyPage,
  GetCallbackTask,
  ListCallbackTasks,
  callbackTaskCommands,
  type Clock,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import type { SurveyQueries } from '../read-models/survey-queries';
import { callbackTaskAggregate } from './callback-task.aggregate';
import type { CallbackTaskCommands } from './callback-task-commands';
import type { SurveyLinkSigner } from './survey-link';

export interface CallbackTaskEndpointsDeps {
  commands: CallbackTaskCommands;
  queries: SurveyQueries;
  signer: SurveyLinkSigner;
  store: EventStore;
  clock: Clock;
}

/** The callback tasks on the bus: their commands, the signed-link answer, the queue and the survey page. */
export const callbackTaskEndpoints = (deps: CallbackTaskEndpointsDeps): BusEndpoint[] => [
  ...callbackTaskCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.execute(command)),
  ),
  commandEndpoint(AnswerCallbackSurvey, (command) => deps.commands.answerByLink(command)),
  queryEndpoint(ListCallbackTasks, (query) => deps.queries.listCallbackTasks(query)),
  queryEndpoint(GetCallbackTask, (query) => deps.queries.getCallbackTask(query)),
  queryEndpoint(GetCallbackSurveyPage, async ({ token }) => {
    // The page reads the task's own stream: it is there the moment the link is, with no read model lag.
    const { taskId, expiresAt } = deps.signer.verify(token, deps.clock.now());
    const { state, events } = await callbackTaskAggregate.load(deps.store, taskId);
    const task = state.task;
    return {
      caseNumber: (events[0]?.data as { caseNumber?: string } | undefined)?.caseNumber,
      answered: task !== undefined && task.status !== 'link-sent' && task.status !== 'scheduled',
      expiresAt: expiresAt.toISOString(),
    };
  }),
];
