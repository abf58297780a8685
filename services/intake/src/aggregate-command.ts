import type { CommandDefinition } from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type Decider,
  type DomainMessage,
} from '@hotline/infra/command';
import { parseCommand } from './parse-command';

/**
 * Handles a command of a simple aggregate (knowledge article, caller block): validate, then
 * load → decide → append on the stream the data names. Every event type is at version 1.
 */
export function handleAggregateCommand<C extends DomainMessage, E extends DomainMessage, S>(
  deps: CommandHandlerDeps,
  definition: CommandDefinition,
  payload: unknown,
  decider: Decider<C, E, S>,
  streamIdOf: (data: never) => string,
): Promise<CommandResult> {
  const { envelope, data } = parseCommand(definition, payload);
  return handleCommand(deps, {
    streamId: streamIdOf(data as never),
    decider,
    command: envelope,
    eventVersions: () => 1,
  });
}
