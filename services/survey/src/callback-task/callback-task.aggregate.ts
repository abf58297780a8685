import { CALLBACK_TASK_CATEGORY, callbackTaskCommands, callbackTaskEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { callbackTaskDecider } from './callback-task.decider';

/** A callback task (`callbackTask-<taskId>`); it belongs to the district of its case. */
export const callbackTaskAggregate = defineAggregate({
  category: CALLBACK_TASK_CATEGORY,
  decider: callbackTaskDecider,
  events: callbackTaskEvents,
  commands: callbackTaskCommands,
  keepsDistrict: true,
});
