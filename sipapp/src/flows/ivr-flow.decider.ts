import {
  validateIvrFlow,
  type IvrFlowCommand,
  type IvrFlowDocument,
  type IvrFlowEvent,
} from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';
import { isDeepStrictEqual } from 'node:util';
import { TelephonyError, TelephonyRuleViolation, requireRole } from './ivr-flow.errors';

/** The published versions of one flow, folded from `ivrFlow-<flowId>`: the newest answers new calls. */
export interface IvrFlowState {
  version: number;
  flow?: IvrFlowDocument;
}

/** Flows are the center's (supervisors act as the center) and the platform's own seeding. */
const EDITORS = ['center', 'system'];

/** Publishing a flow: validated as a graph, versioned; publishing the same document again is a no-op. */
export const ivrFlowDecider: Decider<IvrFlowCommand, IvrFlowEvent, IvrFlowState> = {
  initialState: () => ({ version: 0 }),
  evolve: (_state, event) => ({ version: event.data.version, flow: event.data.flow }),
  decide: (command, state, context) => {
    requireRole(context.actor.role, EDITORS, 'publishing an IVR flow');
    const validation = validateIvrFlow(command.data.flow);
    if (!validation.ok) {
      throw new TelephonyRuleViolation(
        TelephonyError.FlowInvalid,
        validation.problems.map((p) => p.message).join('; '),
        { problems: validation.problems },
      );
    }
    if (state.flow !== undefined && isDeepStrictEqual(state.flow, validation.flow)) return [];
    const { flow } = validation;
    return [{ type: 'IvrFlowPublished', data: { flowId: flow.flowId, version: state.version + 1, flow } }];
  },
};
