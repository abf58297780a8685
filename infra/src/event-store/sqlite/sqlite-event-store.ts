import { ValidationError, type EventToAppend, type RecordedEvent } from '@hotline/contracts';
import type { DatabaseSync } from 'node:sqlite';
import {
  EventStoreUnavailable,
  IdempotencyConflict,
  StreamNotFound,
  WrongExpectedVersion,
} from '../event-store.errors';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeAllOptions,
} from '../event-store.port';
import { matchesExpected, repeatedAppendResult } from '../expected-revision';
import { validateAppend, validateStreamId, type ValidatedEvent } from '../validate-append';
import { validateReadOptions } from '../validate-read-options';
import type { CommittedEvent } from './committed-batch';
import { GroupCommit } from './sqlite-group-commit';
import { SqliteQueries, TOP } from './sqlite-queries';
import { openSqliteDatabase, type Durability } from './sqlite-schema';
import { SqliteSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private store that lives as long as this object. */
  path: string;
  /** Default 'full': every commit is fsynced before its appends resolve. */
  durability?: Durability;
  /** How often subscriptions look for appends made by other processes. Default 50 ms. */
  pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

const SUBSCRIPTION_PAGE_SIZE = 1000;
const DURABILITIES: readonly Durability[] = ['full', 'normal', 'off'];

/**
 * The embedded event store: one SQLite file through `node:sqlite`, shareable by several processes
 * on one host. Appends are group-committed (see GroupCommit); positions come from SQLite, so they
 * are global across every process writing the file.
 */
export class SqliteEventStore implements EventStore {
  private readonly queries: SqliteQueries;
  private readonly writes: GroupCommit;
  private readonly subscriptions = new Set<SqliteSubscription>();
  /** What the transaction being committed has stored so far, handed to the live subscriptions once it commits. */
  private committing: CommittedEvent[] = [];
  private closed = false;

  private constructor(
    private readonly db: DatabaseSync,
    private readonly pollIntervalMs: number,
  ) {
    this.queries = new SqliteQueries(db);
    this.writes = new GroupCommit(db, (committed) => {
      const events = this.committing;
      this.committing = [];
      const first = events[0];
      const last = events[events.length - 1];
      // Positions are the file's rowids: the transaction held the write lock, so every position from
      // the first event's to the last one's is this commit's own.
      const batch =
        committed && first !== undefined && last !== undefined
          ? { after: first.position - 1, upTo: last.position, events }
          : undefined;
      for (const subscription of this.subscriptions) {
        if (batch !== undefined) subscription.offer(batch);
        else subscription.wake();
      }
    });
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    if (typeof options !== 'object' || options === null)
      throw new ValidationError('options', 'must be an object');
    const { path, durability = 'full', pollIntervalMs = 50, busyTimeoutMs = 5000 } = options;
    if (typeof path !== 'string' || path.length === 0)
      throw new ValidationError('options.path', 'must be a non-empty string');
    if (!DURABILITIES.includes(durability)) {
      throw new ValidationError('options.durability', `must be one of ${DURABILITIES.join(', ')}`);
    }
    if (!Number.isSafeInteger(pollIntervalMs) || pollIntervalMs < 1) {
      throw new ValidationError('options.pollIntervalMs', 'must be an integer >= 1');
    }
    if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new ValidationError('options.busyTimeoutMs', 'must be an integer >= 0');
    }
    return new SqliteEventStore(openSqliteDatabase(path, durability, busyTimeoutMs), pollIntervalMs);
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected);
    this.assertOpen();
    return this.writes.submit(() => this.write(streamId, validated, expected));
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return answer(() => {
      validateStreamId(streamId);
      const { direction, fromRevision, maxCount } = validateReadOptions.stream(options);
      this.assertOpen();
      const events = this.queries.readStream(streamId, direction, fromRevision, maxCount);
      if (events.length === 0 && this.queries.headRevision(streamId) < 0) throw new StreamNotFound(streamId);
      return events;
    });
  }

  readStreamOrEmpty(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return answer(() => {
      validateStreamId(streamId);
      const { direction, fromRevision, maxCount } = validateReadOptions.stream(options);
      this.assertOpen();
      return this.queries.readStream(streamId, direction, fromRevision, maxCount);
    });
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return answer(() => {
      const { direction, fromPosition, maxCount, filter } = validateReadOptions.all(options);
      this.assertOpen();
      return direction === 'forwards'
        ? this.queries.readAll(fromPosition ?? 0, TOP, direction, maxCount, filter)
        : this.queries.readAll(0, fromPosition ?? TOP, direction, maxCount, filter);
    });
  }

  subscribeToAll(options?: SubscribeAllOptions): AllSubscription {
    const { fromPosition, filter } = validateReadOptions.subscribe(options);
    this.assertOpen();
    const subscription = new SqliteSubscription(
      {
        headPosition: () => this.queries.headPosition(),
        page: (after, upTo, limit, pageFilter) =>
          this.queries.readAll(after, upTo + 1, 'forwards', limit, pageFilter),
      },
      {
        fromPosition,
        filter,
        pageSize: SUBSCRIPTION_PAGE_SIZE,
        pollIntervalMs: this.pollIntervalMs,
        onClose: () => this.subscriptions.delete(subscription),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return answer(() => {
      this.assertOpen();
      return this.queries.headPosition();
    });
  }

  /** Commits what is queued, ends every subscription, then closes the file. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.writes.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  /** Runs inside the group transaction, under its own savepoint. */
  private write(streamId: string, events: ValidatedEvent[], expected: ExpectedRevision): AppendResult {
    const first = events[0] as ValidatedEvent;
    const original = this.queries.findById(first.id);
    if (original !== undefined) {
      return repeatedAppendResult(
        streamId,
        events.map((e) => e.id),
        (id) => (id === first.id ? original : this.queries.findById(id)),
      );
    }
    const head = this.queries.headRevision(streamId);
    if (!matchesExpected(expected, head))
      throw new WrongExpectedVersion(streamId, expected, head < 0 ? 'noStream' : head);
    let revision = head;
    let position = 0;
    const stored: CommittedEvent[] = [];
    for (const event of events) {
      revision += 1;
      try {
        position = this.queries.insert(streamId, revision, event);
      } catch (error) {
        if (isDuplicateEventId(error)) throw new IdempotencyConflict(streamId, event.id);
        throw error;
      }
      stored.push({ streamId, revision, position, event });
    }
    // Only a write that stored all its events is kept (a throw above rolls it back to its savepoint).
    for (const committed of stored) this.committing.push(committed);
    return { nextExpectedRevision: revision, position, positions: stored.map((e) => e.position) };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('the event store is closed');
  }
}

/** The port is asynchronous but SQLite answers at once: run the work, turning a throw into a rejection. */
function answer<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

/** Not `instanceof Error`: node:sqlite's errors come from another realm under Jest. */
function isDuplicateEventId(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.includes('UNIQUE constraint failed: events.event_id');
}
