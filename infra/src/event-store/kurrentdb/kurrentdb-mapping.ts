import type { MessageMetadata, RecordedEvent } from '@hotline/contracts';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type EventData,
  type Filter,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { createHash } from 'node:crypto';
import type { AllFilter, ExpectedRevision } from '../event-store.port';
import type { ValidatedEvent } from '../validate-append';

/**
 * What we keep in KurrentDB's event metadata: our envelope fields that KurrentDB has no slot for,
 * plus `$correlationId`/`$causationId` so its built-in `$by_correlation_id` projection works.
 * A type alias rather than an interface so that it satisfies the client's indexable metadata type.
 */
type StoredMetadata = {
  $correlationId: string;
  $causationId: string;
  id: string;
  version: number;
  time: string;
  metadata: MessageMetadata;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Namespace of the name-based UUIDs we derive from non-UUID event ids (RFC 9562 v5). */
const ID_NAMESPACE = Buffer.from('5f0a8f2c6b3e4d7a9c1e2b3a4d5e6f70', 'hex');

/**
 * KurrentDB requires UUID event ids; our ids are any safe token. A UUID is kept as is, anything
 * else maps to a name-based UUID, so a retry with the same id still hits KurrentDB's idempotency.
 */
export function kurrentEventId(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const hash = createHash('sha1').update(ID_NAMESPACE).update(id, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toEventData(event: ValidatedEvent): EventData {
  const metadata: StoredMetadata = {
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
    id: event.id,
    version: event.version,
    time: event.time,
    metadata: event.metadata,
  };
  // Validation guarantees plain JSON; the client's type only narrows the top level to object/array/string.
  return {
    id: kurrentEventId(event.id),
    contentType: 'application/json',
    type: event.type,
    data: event.data as string,
    metadata,
  };
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (typeof expected === 'number') return BigInt(expected);
  switch (expected) {
    case 'any':
      return ANY;
    case 'noStream':
      return NO_STREAM;
    case 'streamExists':
      return STREAM_EXISTS;
    default: {
      const unexpected: never = expected;
      throw new Error(`unknown expected revision ${String(unexpected)}`);
    }
  }
}

/**
 * Our position is KurrentDB's commit position as a number. Outside explicit transactions (which we
 * never use) every event has its own commit position equal to its prepare position, so it is
 * unique and increasing along $all; it is a byte offset in the transaction log, far below 2^53.
 */
export const toPosition = (position: number): Position => ({
  commit: BigInt(position),
  prepare: BigInt(position),
});

/** Converts a resolved event of ours; undefined for system events, links and foreign events. */
export function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const e = resolved.event;
  if (e === undefined || !e.isJson || e.type.startsWith('$') || e.streamId.startsWith('$')) return undefined;
  const stored = e.metadata as Partial<StoredMetadata> | undefined;
  if (stored?.metadata === undefined || typeof stored.version !== 'number') return undefined;
  const commit = e.position?.commit ?? resolved.commitPosition;
  return {
    id: stored.id ?? e.id,
    type: e.type,
    version: stored.version,
    data: e.data,
    metadata: stored.metadata,
    time: stored.time ?? e.created.toISOString(),
    streamId: e.streamId,
    revision: Number(e.revision),
    position: commit === undefined ? 0 : Number(commit),
  };
}

/**
 * KurrentDB filters on one thing (event type or stream name) per request; ours ANDs both. The
 * server takes the narrower one (exact types as an anchored regex), `matches` checks the rest.
 */
export function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.eventTypes !== undefined) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (filter?.streamPrefixes !== undefined) return streamNameFilter({ prefixes: filter.streamPrefixes });
  return excludeSystemEvents();
}

export function matches(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(event.type)) return false;
  return (
    filter.streamPrefixes === undefined || filter.streamPrefixes.some((p) => event.streamId.startsWith(p))
  );
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
