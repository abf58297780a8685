import {
  OUTBOUND_CALL_CATEGORY,
  outboundCallCommands,
  outboundCallEvents,
  type OutboundCallCommand,
  type OutboundCallEvent,
} from '@hotline/contracts';
import { defineAggregate, type Decider } from '@hotline/infra/command';
import { isDeepStrictEqual } from 'node:util';
import { TelephonyError, TelephonyRuleViolation, requireRole } from '../flows/ivr-flow.errors';

type Requested = Extract<OutboundCallEvent, { type: 'OutboundCallRequested' }>['data'];

export interface OutboundCallState {
  requested?: Requested;
  /** The dialer that claimed the call (it is placed by that one only, once). */
  dialedBy?: string;
  finished: boolean;
}

/** Who may make the platform dial: agents (callbacks), the center (surveys) and services (notices). */
const CALLERS = ['agent', 'center', 'system'];

/**
 * One outbound call (`outboundCall-<callId>`): requested once per call id (a repeat with the same
 * request is a no-op, a different request under the same id a conflict), claimed by one dialer before
 * it rings (a second claim is refused: the call is never placed twice), finished once.
 */
export const outboundCallDecider: Decider<OutboundCallCommand, OutboundCallEvent, OutboundCallState> = {
  initialState: () => ({ finished: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'OutboundCallRequested':
        return { requested: event.data, finished: false };
      case 'OutboundCallDialed':
        return { ...state, dialedBy: event.data.dialer };
      case 'OutboundCallFinished':
        return { ...state, finished: true };
      default: {
        const unknown: never = event;
        throw new Error(`unknown outbound call event ${JSON.stringify(unknown)}`);
      }
    }
  },
  decide: (command, state, context) => {
    switch (command.type) {
      case 'PlaceOutboundCall': {
        requireRole(context.actor.role, CALLERS, 'placing an outbound call');
        const { answers, caseId, agentId, ...rest } = command.data;
        const data: Requested = {
          ...rest,
          ...(caseId ? { caseId } : {}),
          ...(answers ? { answers } : {}),
          ...(agentId ? { agentId } : {}),
          requestedBy: context.actor.id,
        };
        if (state.requested !== undefined) {
          const { requestedBy: _before, ...before } = state.requested;
          const { requestedBy: _now, ...now } = data;
          if (isDeepStrictEqual(before, now)) return [];
          throw new TelephonyRuleViolation(
            TelephonyError.OutboundChanged,
            `callId: ${command.data.callId} was already used for another outbound call`,
          );
        }
        return [{ type: 'OutboundCallRequested', data }];
      }
      case 'DialOutboundCall': {
        requireRole(context.actor.role, ['system'], 'dialing an outbound call');
        requestedOrRaise(state, command.data.callId);
        if (state.dialedBy !== undefined || state.finished)
          throw new TelephonyRuleViolation(
            TelephonyError.OutboundAlreadyDialed,
            `callId: outbound call ${command.data.callId} was already ${state.finished ? 'finished' : `dialed by ${state.dialedBy}`}`,
          );
        return [{ type: 'OutboundCallDialed', data: command.data }];
      }
      case 'ReportOutboundCallOutcome': {
        requireRole(context.actor.role, ['system'], 'reporting an outbound call outcome');
        const requested = requestedOrRaise(state, command.data.callId);
        if (state.finished) return [];
        const { purpose, caseId } = requested;
        return [
          { type: 'OutboundCallFinished', data: { ...command.data, purpose, ...(caseId ? { caseId } : {}) } },
        ];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown outbound call command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function requestedOrRaise(state: OutboundCallState, callId: string): Requested {
  return (
    state.requested ??
    TelephonyRuleViolation.raise(
      TelephonyError.OutboundNotRequested,
      `callId: no outbound call ${callId} was requested`,
    )
  );
}

export const outboundCallAggregate = defineAggregate({
  category: OUTBOUND_CALL_CATEGORY,
  decider: outboundCallDecider,
  events: outboundCallEvents,
  commands: outboundCallCommands,
});
