import {
  validateIvrFlow,
  type IvrFlowCommand,
  type IvrFlowDocument,
  type IvrFlowEvent,
} from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';
import { isDeepStrictEqual } from 'node:util';
import { TelephonyError, TelephonyRuleViolation, requireTelephonyRole } from './ivr-flow.errors';

/** The published versions of one flow, folded from `ivrFlow-<flowId>`: the newest answers new calls. */
export interface IvrFlowState {
  version: number;
  flow?: IvrFlowDocument;
}

/**
 * Publishing a flow: validated as a graph, versioned; publishing the same document again is a no-op,
 * and an edit started from an older version than the newest is refused, never overwrites it.
 */
export const ivrFlowDecider: Decider<IvrFlowCommand, IvrFlowEvent, IvrFlowState> = {
  initialState: () => ({ version: 0 }),
  evolve: (_state, event) => ({ version: event.data.version, flow: event.data.flow }),
  decide: (command, state, context) => {
    requireTelephonyRole(context.actor, command.type);
    const validation = validateIvrFlow(command.data.flow);
    if (!validation.ok) {
      throw new TelephonyRuleViolation(
        TelephonyError.FlowInvalid,
        validation.problems.map((p) => p.message).join('; '),
        { problems: validation.problems },
      );
    }
    if (state.flow !== undefined && isDeepStrictEqual(state.flow, validation.flow)) return [];
    if (command.data.baseVersion !== state.version) {
      throw new TelephonyRuleViolation(
        TelephonyError.FlowVersionStale,
        `baseVersion: the edit started from version ${command.data.baseVersion}, but version ${state.version} was published meanwhile`,
        { baseVersion: command.data.baseVersion, version: state.version },
      );
    }
    const { flow } = validation;
    return [{ type: 'IvrFlowPublished', data: { flowId: flow.flowId, version: state.version + 1, flow } }];
  },
};
