/**
 * The PostgreSQL event store against the `pg` client doing the same work on the same server, table
 * shape and durability (synchronous_commit on): appends of one event per command from concurrent
 * writers, and a subscription catching up against a keyset SELECT loop. Each side gets a database
 * of its own, dropped afterwards.
 */
import { PostgresEventStore } from '@hotline/infra/event-store/postgres';
import { PostgresPool } from '@hotline/infra/postgres';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { type Benchmark, type Throughput, timed } from './bench-kit';
import { event } from './event-store.bench';

/** Concurrent commands, as many gateway requests in flight; both sides share a pool of 10. */
const WRITERS = 32;
const CONNECTIONS = 10;
const PAGE = 1_000;
const FILL_BATCH = 1_000;

const RAW_TABLE = `CREATE TABLE raw_events (position BIGSERIAL PRIMARY KEY, stream_id TEXT NOT NULL,
  revision BIGINT NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, version INTEGER NOT NULL,
  data TEXT NOT NULL, metadata TEXT NOT NULL, time TEXT NOT NULL, UNIQUE (stream_id, revision))`;
const RAW_INSERT =
  'INSERT INTO raw_events (stream_id, revision, event_id, type, version, data, metadata, time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';

const rawParams = (n: number, stream: string, revision: number): unknown[] => {
  const e = event(n);
  return [
    stream,
    revision,
    e.id,
    e.type,
    e.version,
    JSON.stringify(e.data),
    JSON.stringify(e.metadata),
    e.time,
  ];
};

/** `writers` loops each running `perWriter` times, all at once. */
async function concurrently(
  writers: number,
  perWriter: number,
  step: (w: number, i: number) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await step(w, i);
    }),
  );
}

async function appendsOurs(database: TemporaryDatabase, perWriter: number): Promise<Throughput> {
  const store = await PostgresEventStore.open({ url: database.url, maxConnections: CONNECTIONS });
  try {
    return await timed(WRITERS * perWriter, () =>
      concurrently(WRITERS, perWriter, (w, i) =>
        store.append(`writer-${w}`, [event(i)], i === 0 ? 'noStream' : i - 1),
      ),
    );
  } finally {
    await store.close();
  }
}

async function appendsRaw(database: TemporaryDatabase, perWriter: number): Promise<Throughput> {
  const pool = PostgresPool.open({
    url: database.url,
    max: CONNECTIONS,
    settings: { synchronous_commit: 'on' },
  });
  try {
    await pool.query(RAW_TABLE);
    return await timed(WRITERS * perWriter, () =>
      concurrently(WRITERS, perWriter, (w, i) => pool.query(RAW_INSERT, rawParams(i, `writer-${w}`, i))),
    );
  } finally {
    await pool.close();
  }
}

/** Fills the store with `total` events in appends of FILL_BATCH, then times a subscription catching up. */
async function subscriptionOurs(database: TemporaryDatabase, total: number): Promise<Throughput> {
  const store = await PostgresEventStore.open({ url: database.url, durability: 'off' });
  try {
    for (let n = 0; n < total; n += FILL_BATCH) {
      const batch = Array.from({ length: Math.min(FILL_BATCH, total - n) }, (_, i) => event(n + i));
      await store.append(`case-${n}`, batch, 'noStream');
    }
    return await timed(total, async () => {
      const subscription = store.subscribeToAll();
      let seen = 0;
      for await (const item of subscription) {
        if (item.kind === 'caughtUp') break;
        seen += (item.event.data as { contactId: string }).contactId.length > 0 ? 1 : 0;
      }
      await subscription.close();
      if (seen !== total) throw new Error(`the subscription delivered ${seen} of ${total} events`);
    });
  } finally {
    await store.close();
  }
}

/** The same rows through keyset pages and JSON.parse: what any reader of the table must do at least. */
async function subscriptionRaw(database: TemporaryDatabase, total: number): Promise<Throughput> {
  const pool = PostgresPool.open({ url: database.url, settings: { synchronous_commit: 'off' } });
  try {
    await pool.query(RAW_TABLE);
    for (let n = 0; n < total; n += FILL_BATCH) {
      const rows = Math.min(FILL_BATCH, total - n);
      await pool.transaction(async (tx) => {
        for (let i = 0; i < rows; i++) await tx.query(RAW_INSERT, rawParams(n + i, `case-${n}`, i));
      });
    }
    return await timed(total, async () => {
      let after = 0;
      let seen = 0;
      for (;;) {
        const rows = await pool.query<{ position: string; data: string; metadata: string }>(
          'SELECT position, stream_id, revision, event_id, type, version, data, metadata, time FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2',
          [after, PAGE],
        );
        for (const row of rows) {
          JSON.parse(row.metadata);
          seen += (JSON.parse(row.data) as { contactId: string }).contactId.length > 0 ? 1 : 0;
        }
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1]!.position);
      }
      if (seen !== total) throw new Error(`the raw loop read ${seen} of ${total} events`);
    });
  } finally {
    await pool.close();
  }
}

/** Runs `work` on a database of its own, dropped afterwards. */
async function onFreshDatabase<T>(
  purpose: string,
  serverUrl: string,
  work: (d: TemporaryDatabase) => Promise<T>,
): Promise<T> {
  const database = await createTemporaryDatabase(purpose, serverUrl);
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

export const run: Benchmark = async ({ scale, postgresUrl }) => {
  if (postgresUrl === undefined) return [];
  const perWriter = Math.max(5, Math.round(200 * scale));
  const replayTotal = Math.max(2_000, Math.round(200_000 * scale));
  const rawOne = await onFreshDatabase('bench_raw_append', postgresUrl, (d) => appendsRaw(d, perWriter));
  const oursOne = await onFreshDatabase('bench_append', postgresUrl, (d) => appendsOurs(d, perWriter));
  const rawRead = await onFreshDatabase('bench_raw_read', postgresUrl, (d) =>
    subscriptionRaw(d, replayTotal),
  );
  const oursRead = await onFreshDatabase('bench_read', postgresUrl, (d) => subscriptionOurs(d, replayTotal));
  return [
    {
      name: 'postgres event store: append 1 event/command',
      unit: 'event',
      ours: oursOne,
      raw: { ...rawOne, label: `pg INSERT, 1 row/transaction, ${WRITERS} writers, synchronous_commit on` },
      goal: { minRatio: 0.5 },
      notes: `${WRITERS} concurrent writers to distinct streams over ${CONNECTIONS} connections; ours: expected-revision check, idempotency check, positions from txid_current()`,
    },
    {
      name: 'postgres event store: subscription catch-up',
      unit: 'event',
      ours: oursRead,
      raw: { ...rawRead, label: `pg keyset SELECT pages of ${PAGE} + JSON.parse` },
      goal: { minRatio: 0.5 },
      notes: `${replayTotal} events; ours stays below the snapshot's xmin and builds RecordedEvents`,
    },
  ];
};
