import type { EventToAppend, RecordedEvent } from '@hotline/contracts';

/**
 * What the writer expects the stream to look like. A number is the revision of the stream's last
 * event (0-based), so `0` means "exactly one event so far".
 */
export type ExpectedRevision = 'any' | 'noStream' | 'streamExists' | number;

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  position: number;
  /**
   * Each event's global position, in the order given, when the append stored them now and the
   * adapter knows them (PostgreSQL, SQLite): a writer that keeps its stream in memory folds its
   * own events without reading them back. Absent for a repeated append and on KurrentDB.
   */
  positions?: number[];
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start revision; default: the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

/** Narrows reads and subscriptions of the whole store. Both lists are OR-ed within and AND-ed across. */
export interface AllFilter {
  eventTypes?: string[];
  streamPrefixes?: string[];
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Exclusive: events strictly after (forwards) or before (backwards) this position. */
  fromPosition?: number;
  /** Default: no limit. Replays should page (about 1,000 per page) rather than load the whole store. */
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeAllOptions {
  /** Exclusive: deliver events strictly after this position; omitted = from the beginning. */
  fromPosition?: number;
  filter?: AllFilter;
}

/**
 * A subscription yields every matching event in position order, then `caughtUp`, then live events.
 * Live, an adapter may announce `caughtUp` again when its filter left out events past the last one
 * delivered (SQLite and PostgreSQL do): every matching event up to that position was delivered, so
 * a reader waiting for a position in a stream it does not take is answered.
 */
export type SubscriptionItem =
  { kind: 'event'; event: RecordedEvent } | { kind: 'caughtUp'; position: number };

export interface AllSubscription extends AsyncIterable<SubscriptionItem> {
  /** Ends the iteration; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * The event store: the source of truth and the outbox. Adapters: SQLite (`node:sqlite`) and KurrentDB.
 * Every adapter passes the shared contract suite in `./testing`.
 */
export interface EventStore {
  /**
   * Appends all events or none. Throws WrongExpectedVersion when the stream is not as expected and
   * leaves the store unchanged. Re-appending events whose ids are already in the stream (same ids,
   * same order, at consecutive revisions) returns the original result (without `positions`, so a
   * writer can tell that none of its events was stored now): retries are safe. An append
   * whose first ids repeat an earlier append but whose other ids differ throws IdempotencyConflict.
   * Malformed arguments throw ValidationError naming the field (`streamId`, `expected`, `events[2].type`).
   */
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Like `readStream`, but a stream without events answers `[]`: for loading an aggregate, where
   * "not there yet" is an ordinary state.
   */
  readStreamOrEmpty(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeAllOptions): AllSubscription;
  /** Position of the newest event in the store, or 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
