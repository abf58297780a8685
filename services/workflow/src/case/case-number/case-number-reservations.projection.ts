import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import { CASE_NUMBER_RESERVATIONS } from '../../read-models/read-model-collections';
import type { ReservationEvent } from './case-number-reservation.decider';

export const RESERVATIONS_PROJECTION = 'workflow-case-number-reservations';

/** One document per reserved number (`_id` the number), so the citizen can track it before the case exists. */
export function caseNumberReservationsProjection(): Projection {
  return {
    name: RESERVATIONS_PROJECTION,
    version: 1,
    collections: [CASE_NUMBER_RESERVATIONS],
    filter: { streamPrefixes: ['caseNumberReservation-'] },
    handle(event: RecordedEvent, _store, context: ProjectionContext) {
      const message = { type: event.type, data: event.data } as ReservationEvent;
      const { caseNumber, contactId, phoneLast4 } = message.data;
      context.guardedUpdate(CASE_NUMBER_RESERVATIONS, caseNumber, {
        $set: { contactId, phoneLast4: phoneLast4 ?? null, reservedAt: event.time },
      });
      return Promise.resolve();
    },
  };
}
