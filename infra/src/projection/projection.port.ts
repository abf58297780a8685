import type { RecordedEvent } from '@hotline/contracts';
import type { AllFilter } from '../event-store/event-store.port';
import type { DocumentId, ReadStore, UpdateOperators } from '../read-store/read-store.port';

/**
 * What a projection's handler writes through, so that applying an event twice (a redelivery, or a
 * replay after a crash between the writes and the checkpoint) changes nothing the second time.
 * Writes are queued and written in batches; reads through the handler's `store` see them.
 */
export interface ProjectionContext {
  /** Position of the event being handled. */
  readonly position: number;
  /**
   * Upserts document `id` with `update` unless the document already reflects this event: every
   * guarded write stamps the document with `_pos` (the event's position), and a document whose
   * `_pos` is at or past this event is left alone, so `$inc` and `$push` are never applied twice.
   * `_pos` is reserved. One guarded update per document per event: combine them.
   */
  guardedUpdate(collection: string, id: DocumentId, update: UpdateOperators): void;
  /** Deletes document `id` (a replay deletes it again, which changes nothing). */
  delete(collection: string, id: DocumentId): void;
}

export interface Projection {
  /** Letters, digits, `-` and `_`; the checkpoint's key. */
  name: string;
  /** A positive integer; bump it when the handler changes and the read model must be rebuilt. */
  version: number;
  /** Every collection the handler writes; a rebuild drops them all. */
  collections: string[];
  /** Only these events reach the handler (OR within a list, AND across lists). */
  filter?: AllFilter;
  /** Creates indexes; runs at every start, after a rebuild has dropped the collections. */
  setup?(store: ReadStore): Promise<void>;
  handle(event: RecordedEvent, store: ReadStore, context: ProjectionContext): Promise<void>;
  /**
   * Writes what the handler held back to write once per batch instead of once per event (a
   * counter's increments summed over the batch's events: one write per touched document), then
   * forgets it. The runner calls it before every flush of the batch (a commit, a read through the
   * handler's store) with a context stamped with the last event handled, and right after each
   * event of the replay window, where every event's writes must stay its own. So a handler adds an
   * event's held-back writes at its very end, after its last read of the store.
   */
  flush?(context: ProjectionContext): void;
  /**
   * The runner (re)starts from its checkpoint (a start, a restart after a failure, a rebuild):
   * forget whatever the handler keeps in memory about events after it (caches, held-back writes).
   */
  restart?(): void;
}

export interface SourceHandlers {
  /**
   * Resolves once the event is applied and checkpointed, or rejects when its handler failed. A
   * source may deliver the next events before earlier ones resolved (that is how writes get
   * batched), always in position order. After a rejection it delivers nothing more: the runner
   * stops it and starts it again from its checkpoint.
   */
  onEvent(event: RecordedEvent): Promise<void>;
  /** Every event up to `position` was delivered and has resolved; what follows is live. */
  onCaughtUp(position: number): void;
  /** The source itself failed and stopped (a lost connection, a closed store); the runner restarts it. */
  onError(error: unknown): void;
}

export interface SourceHandle {
  /** Stops delivering and waits for the deliveries in flight to settle. */
  stop(): Promise<void>;
}

/**
 * Where a projection's events come from. The runner's checkpoint is the truth: a source starts
 * strictly after `fromPosition` (from the first event when undefined) whatever it remembers itself.
 * Implementations: `storeSource` (an EventStore subscription), `eventsSource` (an array).
 */
export interface ProjectionSource {
  start(
    from: { fromPosition: number | undefined; filter: AllFilter | undefined },
    handlers: SourceHandlers,
  ): SourceHandle;
  /** Position of the newest event in the log, for the lag metric. */
  headPosition(): Promise<number>;
}
