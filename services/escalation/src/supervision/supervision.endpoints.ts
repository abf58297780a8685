import { supervisionCommands } from '@hotline/contracts';
import { commandEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { loadCaseFacts } from '../case-facts/case-facts';
import { supervisionAggregate } from './supervision.aggregate';

/** Supervision commands on the bus; opening one reads the case's own events for its facts. */
export const supervisionEndpoints = (deps: CommandHandlerDeps): BusEndpoint[] =>
  supervisionCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps, {
        aggregate: supervisionAggregate,
        id: command.data.supervisionId,
        command,
        context: async () => ({
          case: 'caseId' in command.data ? await loadCaseFacts(deps.store, command.data.caseId) : undefined,
        }),
      }),
    ),
  );
