import {
  WorkflowRole,
  type CommandOf,
  type EventOf,
  type caseNumberReservationCommands,
  type caseNumberReservationEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { CaseError, CaseRuleViolation } from '../domain/case.errors';

export type ReservationCommand = CommandOf<(typeof caseNumberReservationCommands)[number]>;
export type ReservationEvent = EventOf<(typeof caseNumberReservationEvents)[number]>;

export interface ReservationState {
  caseNumber?: string;
}

/** The number to reserve, allocated by the handler only for a contact that has none yet. */
export interface ReservationLookups {
  caseNumber?: string;
}

/**
 * A contact's case number, reserved once (`caseNumberReservation-<contactId>`): only the platform
 * itself (intake, for a self-service contact) reserves; a second reservation is a no-op, so a
 * retried submission is answered with the same number.
 */
function decide(
  command: ReservationCommand,
  state: ReservationState,
  context: DecideContext & ReservationLookups,
): ReservationEvent[] {
  if (context.actor.role !== WorkflowRole.System) {
    CaseRuleViolation.raise(
      CaseError.RoleNotAllowed,
      `reserving a case number is for ${WorkflowRole.System}, not ${context.actor.role}`,
    );
  }
  if (state.caseNumber !== undefined) return [];
  if (context.caseNumber === undefined) throw new Error('a case number reservation needs a number');
  const { contactId, phoneLast4 } = command.data;
  return [
    {
      type: 'CaseNumberReserved',
      data: { contactId, caseNumber: context.caseNumber, ...(phoneLast4 ? { phoneLast4 } : {}) },
    },
  ];
}

export const caseNumberReservationDecider: Decider<
  ReservationCommand,
  ReservationEvent,
  ReservationState,
  ReservationLookups
> = {
  decide,
  evolve: (_state, event) => ({ caseNumber: event.data.caseNumber }),
  initialState: () => ({}),
};
