import {
  CASE_NUMBER_RESERVATION_CATEGORY,
  caseNumberReservationCommands,
  caseNumberReservationEvents,
} from '@hotline/contracts';
import { defineAggregate, type ParsedCommand } from '@hotline/infra/command';
import { caseNumberReservationDecider } from './case-number-reservation.decider';

/** A contact's reserved case number (`caseNumberReservation-<contactId>`). */
export const caseNumberReservationAggregate = defineAggregate({
  category: CASE_NUMBER_RESERVATION_CATEGORY,
  decider: caseNumberReservationDecider,
  events: caseNumberReservationEvents,
  commands: caseNumberReservationCommands,
});

export type ReservationCommandEnvelope = ParsedCommand<(typeof caseNumberReservationCommands)[number]>;
