import { IVR_FLOW_CATEGORY, ivrFlowCommands, ivrFlowEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { ivrFlowDecider } from './ivr-flow.decider';

/** One IVR flow and its versions (`ivrFlow-<flowId>`). */
export const ivrFlowAggregate = defineAggregate({
  category: IVR_FLOW_CATEGORY,
  decider: ivrFlowDecider,
  events: ivrFlowEvents,
  commands: ivrFlowCommands,
});
