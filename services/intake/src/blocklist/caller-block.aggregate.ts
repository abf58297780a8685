import { CALLER_BLOCK_CATEGORY, callerBlockCommands, callerBlockEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { callerBlockDecider } from './caller-block.decider';

/** A number on the blocklist (`callerBlock-<phone>`). */
export const callerBlockAggregate = defineAggregate({
  category: CALLER_BLOCK_CATEGORY,
  decider: callerBlockDecider,
  events: callerBlockEvents,
  commands: callerBlockCommands,
});
