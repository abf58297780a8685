import type { MessageMetadata, RecordedEvent } from '@hotline/contracts';
import type { AllFilter } from '../event-store.port';
import type { ValidatedEvent } from '../validate-append';

/** One event as this process committed it: its place and its JSON, parsed by each reader that takes it. */
export interface CommittedEvent {
  streamId: string;
  revision: number;
  position: number;
  event: ValidatedEvent;
}

/**
 * Everything one commit of this process stored: every position after `after` up to `upTo` (the
 * transaction held the write lock, so no other process wrote in between). A live subscription at
 * `after` takes it without a query.
 */
export interface CommittedBatch {
  after: number;
  upTo: number;
  events: readonly CommittedEvent[];
}

/** The same test as the page query's WHERE: a type of the list and a stream of a prefix, when given. */
export function matchesFilter(committed: CommittedEvent, filter: AllFilter | undefined): boolean {
  const types = filter?.eventTypes;
  if (types !== undefined && types.length > 0 && !types.includes(committed.event.type)) return false;
  const prefixes = filter?.streamPrefixes;
  return (
    prefixes === undefined ||
    prefixes.length === 0 ||
    prefixes.some((prefix) => committed.streamId.startsWith(prefix))
  );
}

/**
 * The event as a page read would give it: its own parsed data and metadata, so that no reader shares
 * objects with the appender or with another reader.
 */
export function recordedFrom({ streamId, revision, position, event }: CommittedEvent): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    data: JSON.parse(event.dataJson) as unknown,
    metadata: JSON.parse(event.metadataJson) as MessageMetadata,
    time: event.time,
    streamId,
    revision,
    position,
  };
}
