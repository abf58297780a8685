import { HotlineError, ValidationError, type EventToAppend, type RecordedEvent } from '@hotline/contracts';
import { isConnectionFailure } from '../../postgres/postgres-errors';
import { PostgresPool } from '../../postgres/postgres-pool';
import { EventStoreUnavailable, StreamNotFound } from '../event-store.errors';
import type {
  AllFilter,
  AllSubscription,
  AppendResult,
  Direction,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeAllOptions,
} from '../event-store.port';
import { validateAppend, validateStreamId } from '../validate-append';
import { type PollingSubscription } from '../polling-subscription';
import { validateReadOptions } from '../validate-read-options';
import type { Durability } from '../sqlite/sqlite-schema';
import { appendInTransaction } from './postgres-append';
import { postgresEventSql, type EventStoreSql } from './postgres-event-sql';
import { toRecordedEvents, type EventRow } from './postgres-event-rows';
import { PostgresSubscription, type StoreProbe } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port[,host:port…]/database`; several hosts = a cluster. */
  url: string;
  /**
   * Default 'full': a commit is acknowledged once flushed (and, with synchronous replication, once
   * on a standby). 'normal': flushed locally, not waiting for a standby. 'off': not waiting at all.
   */
  durability?: Durability;
  /** How often subscriptions look for appends made by other processes. Default 20 ms. */
  pollIntervalMs?: number;
  /** How long a forwards readAll waits for older transactions still in flight. Default 5000 ms. */
  settleTimeoutMs?: number;
  /** Connections at most. Default 10. */
  maxConnections?: number;
  /** The SQL of another PostgreSQL-lineage database. Default: PostgreSQL's. */
  sql?: EventStoreSql;
}

const SYNCHRONOUS_COMMIT: Record<Durability, string> = { full: 'on', normal: 'local', off: 'off' };
const SUBSCRIPTION_PAGE_SIZE = 1000;
const SETTLE_POLL_MS = 5;
/** LIMIT for "no limit", as a parameter: positions and revisions stay far below it. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The event store of the distributed mode on PostgreSQL (or a cluster of it). Appends run one
 * transaction each; positions come from the transaction id (see EventStoreSql), so reads and
 * subscriptions that stay below the snapshot's xmin never skip a slower concurrent commit.
 */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  private constructor(
    private readonly pool: PostgresPool,
    private readonly sql: EventStoreSql,
    private readonly pollIntervalMs: number,
    private readonly settleTimeoutMs: number,
  ) {}

  /** Connects and creates the table when missing. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    if (typeof options !== 'object' || options === null)
      throw new ValidationError('options', 'must be an object');
    const { durability = 'full', pollIntervalMs = 20, settleTimeoutMs = 5000, maxConnections = 10 } = options;
    if (!Object.hasOwn(SYNCHRONOUS_COMMIT, durability)) {
      throw new ValidationError(
        'options.durability',
        `must be one of ${Object.keys(SYNCHRONOUS_COMMIT).join(', ')}`,
      );
    }
    for (const [field, value] of Object.entries({ pollIntervalMs, settleTimeoutMs })) {
      if (!Number.isSafeInteger(value) || value < 1)
        throw new ValidationError(`options.${field}`, 'must be an integer >= 1');
    }
    const pool = PostgresPool.open({
      url: options.url,
      max: maxConnections,
      applicationName: 'hotline-event-store',
      settings: { synchronous_commit: SYNCHRONOUS_COMMIT[durability] },
    });
    const sql = options.sql ?? postgresEventSql;
    const store = new PostgresEventStore(pool, sql, pollIntervalMs, settleTimeoutMs);
    try {
      await store.unavailableOnFailure(() =>
        pool.transaction(async (tx) => {
          await tx.query(sql.schemaLock);
          for (const statement of sql.schema) await tx.query(statement);
        }),
      );
    } catch (error) {
      await pool.close();
      throw error;
    }
    return store;
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected);
    this.assertOpen();
    const result = await this.unavailableOnFailure(() =>
      appendInTransaction(this.pool, this.sql, streamId, validated, expected),
    );
    for (const subscription of this.subscriptions) subscription.wake();
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.readOneStream(streamId, options, false);
  }

  readStreamOrEmpty(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.readOneStream(streamId, options, true);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { direction, fromPosition, maxCount, filter } = validateReadOptions.all(options);
    this.assertOpen();
    return this.unavailableOnFailure(async () => {
      if (direction === 'backwards')
        return this.page(0, fromPosition ?? NO_LIMIT, 'backwards', maxCount, filter);
      const { horizon } = await this.settledProbe();
      return this.page(fromPosition ?? 0, horizon, 'forwards', maxCount, filter);
    });
  }

  subscribeToAll(options?: SubscribeAllOptions): AllSubscription {
    const { fromPosition, filter } = validateReadOptions.subscribe(options);
    this.assertOpen();
    const subscription = new PostgresSubscription(
      {
        probe: () => this.probe(),
        page: (after, before, pageSize, pageFilter) =>
          this.page(after, before, 'forwards', pageSize, pageFilter),
      },
      {
        fromPosition,
        filter,
        pageSize: SUBSCRIPTION_PAGE_SIZE,
        pollIntervalMs: this.pollIntervalMs,
        onClose: (s) => this.subscriptions.delete(s),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.unavailableOnFailure(async () => (await this.probe()).head);
  }

  /** Ends every subscription, then the connections. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.pool.close();
  }

  private async readOneStream(
    streamId: string,
    options: ReadStreamOptions | undefined,
    orEmpty: boolean,
  ): Promise<RecordedEvent[]> {
    validateStreamId(streamId);
    const { direction, fromRevision, maxCount } = validateReadOptions.stream(options);
    this.assertOpen();
    return this.unavailableOnFailure(async () => {
      const forwards = direction === 'forwards';
      const rows = await this.pool.query<EventRow>(
        forwards ? this.sql.streamForwards : this.sql.streamBackwards,
        [streamId, fromRevision ?? (forwards ? 0 : NO_LIMIT), limit(maxCount)],
      );
      if (rows.length === 0 && !orEmpty) {
        const [head] = await this.pool.query<{ head: string | null }>(this.sql.streamHead, [streamId]);
        if (head?.head == null) throw new StreamNotFound(streamId);
      }
      return toRecordedEvents(rows);
    });
  }

  private async probe(): Promise<StoreProbe> {
    const [row] = await this.pool.query<{ head: string | null; horizon: string }>(this.sql.probe);
    return { head: row?.head == null ? 0 : Number(row.head), horizon: Number(row?.horizon) };
  }

  /**
   * A probe whose horizon has passed every event committed when it was called, so that a
   * forwards read returns them all. Transactions in flight below them delay it (a few ms under
   * load); one held open past `settleTimeoutMs` does not: the read then stops at the horizon,
   * which is never wrong, only not the newest.
   */
  private async settledProbe(): Promise<StoreProbe> {
    const deadline = Date.now() + this.settleTimeoutMs;
    const first = await this.probe();
    let probe = first;
    while (probe.horizon <= first.head && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      probe = await this.probe();
    }
    return probe;
  }

  private async page(
    after: number,
    before: number,
    direction: Direction,
    maxCount: number,
    filter: AllFilter | undefined,
  ): Promise<RecordedEvent[]> {
    const types = filter?.eventTypes;
    const prefixes = filter?.streamPrefixes ?? [];
    const params: unknown[] = [after, before, limit(maxCount)];
    if (types !== undefined) params.push(types);
    params.push(...prefixes);
    const rows = await this.pool.query<EventRow>(
      this.sql.readAll(direction, types !== undefined, prefixes.length),
      params,
    );
    return toRecordedEvents(rows);
  }

  /** A lost connection or an unreachable database becomes EventStoreUnavailable (503: retry). */
  private async unavailableOnFailure<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof HotlineError || !isConnectionFailure(error)) throw error;
      throw new EventStoreUnavailable(
        `PostgreSQL at ${this.pool.describe()}: ${(error as Error).message}`,
        error,
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('the event store is closed');
  }
}

const limit = (maxCount: number): number => (maxCount === Infinity ? NO_LIMIT : maxCount);
