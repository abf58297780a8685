import {
  GetPollResults,
  GetPollRound,
  ListPollInterviews,
  ListPollRounds,
  pollFrameCommands,
  pollInterviewCommands,
  pollRoundCommands,
  pollVerificationCommands,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { PollCommands } from './poll-commands';
import type { PollQueries } from './poll-queries';

/** The opinion polls (民主评议) on the bus: rounds, frames, interviews, verifications and their queries. */
export const pollEndpoints = (deps: { commands: PollCommands; queries: PollQueries }): BusEndpoint[] => [
  ...pollRoundCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.round(command)),
  ),
  ...pollFrameCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.frame(command)),
  ),
  ...pollInterviewCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.interview(command)),
  ),
  ...pollVerificationCommands.map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.verification(command)),
  ),
  queryEndpoint(ListPollRounds, (query) => deps.queries.listRounds(query)),
  queryEndpoint(GetPollRound, (query) => deps.queries.getRound(query)),
  queryEndpoint(ListPollInterviews, (query) => deps.queries.listInterviews(query)),
  queryEndpoint(GetPollResults, (query) => deps.queries.results(query)),
];
