import type { CallbackTaskCommand, CallbackTaskEvent } from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';
import { decide, type CallbackTaskContext } from './callback-task.decide';
import { evolve, type CallbackTaskState } from './callback-task.state';

/** A callback task (回访): stream `callbackTask-<taskId>`. */
export const callbackTaskDecider: Decider<
  CallbackTaskCommand,
  CallbackTaskEvent,
  CallbackTaskState,
  CallbackTaskContext
> = {
  initialState: () => ({}),
  evolve,
  decide,
};
