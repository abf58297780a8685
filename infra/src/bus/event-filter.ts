import type { RecordedEvent } from '@hotline/contracts';
import type { AllFilter } from '../event-store/event-store.port';

/** The EventStore's filter semantics: OR within a list, AND across the lists. */
export const matchesFilter = (event: RecordedEvent, filter: AllFilter | undefined): boolean =>
  (filter?.eventTypes === undefined || filter.eventTypes.includes(event.type)) &&
  (filter?.streamPrefixes === undefined ||
    filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));
