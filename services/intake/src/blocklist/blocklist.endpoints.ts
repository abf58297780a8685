import { CheckCaller, callerBlockCommands, noticeOptOutCommands } from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { ContactQueriesService } from '../contact/contact-queries.service';
import { noticeOptOutAggregate } from '../notices/notice-opt-out.aggregate';
import { callerBlockAggregate } from './caller-block.aggregate';

/** The caller blocklist on the bus: block, unblock, check; and a number's opt-out of case notices. */
export const blocklistEndpoints = (deps: {
  commandDeps: CommandHandlerDeps;
  queries: ContactQueriesService;
}): BusEndpoint[] => [
  ...callerBlockCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.commandDeps, { aggregate: callerBlockAggregate, id: command.data.phone, command }),
    ),
  ),
  ...noticeOptOutCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.commandDeps, { aggregate: noticeOptOutAggregate, id: command.data.phone, command }),
    ),
  ),
  queryEndpoint(CheckCaller, (query) => deps.queries.checkCaller(query)),
];
