/**
 * Replay after a restart (issue 20: ≥ 1,000 events/s on every read store adapter), beside the raw
 * engine's upserts of the same writes in the same run. The worst case: every event was projected,
 * then the checkpoint is set back to 0 with every event in the replay window (`writtenUpTo` at the
 * head), as when a process dies after flushing a long batch and before its checkpoint. The runner
 * then guards every write (one `_id` lookup of the stamp per document and replay window, see
 * write-batch.ts) and drops each one as already applied. Real kills are tested in infra/src/projection/testing/projection.contract.ts.
 */
import type { RecordedEvent } from '@hotline/contracts';
import { CHECKPOINTS_COLLECTION } from '@hotline/infra/projection';
import { createTemporaryDatabase } from '@hotline/infra/postgres/testing';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { PostgresReadStore } from '@hotline/infra/read-store/postgres';
import { Client } from 'pg';
import { type BenchResult, type Benchmark, type Throughput, timed } from './bench-kit';
import { caseBoard, makeEvents, rawDriver, rawSqlite, rebuild, writesOf } from './projection.bench';

const SQLITE_EVENTS = 50_000;
const POSTGRES_EVENTS = 20_000;
/** FerretDB v1 on SQLite writes a few hundred documents/s here (see projection.bench.ts). */
const FERRETDB_EVENTS = 2_000;

/** Projects `events`, then puts every one of them back into the replay window and times the replay. */
async function replay(store: ReadStore, events: RecordedEvent[]): Promise<Throughput> {
  await rebuild(store, events);
  const head = events[events.length - 1]?.position ?? 0;
  await store
    .collection(CHECKPOINTS_COLLECTION)
    .updateOne({ _id: caseBoard.name }, { $set: { position: 0, writtenUpTo: head } });
  return timed(events.length, () => rebuild(store, events));
}

/** Raw `pg`: each write one upsert statement on a JSONB document, 1,000 events a transaction. */
async function rawPostgres(url: string, events: RecordedEvent[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE docs (collection text, id text, doc jsonb, PRIMARY KEY (collection, id))',
    );
    await client.query('BEGIN');
    for (const [i, event] of events.entries()) {
      for (const [collection, id, changes] of writesOf(event)) {
        await client.query(
          'INSERT INTO docs VALUES ($1, $2, $3) ON CONFLICT (collection, id) DO UPDATE SET doc = docs.doc || $3',
          [collection, id, JSON.stringify({ ...changes.$set, ...changes.$inc })],
        );
      }
      if (i % 1000 === 999) await client.query('COMMIT; BEGIN');
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export const run: Benchmark = async (context) => {
  const results: BenchResult[] = [];
  const result = (adapter: string, ours: Throughput, raw: Throughput & { label: string }): BenchResult => ({
    name: `replay after a restart, ${adapter}`,
    unit: 'event',
    ours,
    raw,
    goal: { minPerSecond: 1_000 },
    notes: `${ours.ops} events, all in the replay window (every write guarded and dropped); raw: the same upserts applied`,
  });

  const sqliteEvents = makeEvents(Math.round(SQLITE_EVENTS * context.scale));
  const rawSqliteRun = await timed(sqliteEvents.length, () => rawSqlite(sqliteEvents));
  const sqlite = SqliteReadStore.inMemory();
  try {
    results.push(
      result('SQLite (in memory)', await replay(sqlite, sqliteEvents), {
        ...rawSqliteRun,
        label: 'node:sqlite jsonb upserts',
      }),
    );
  } finally {
    await sqlite.close();
  }

  if (context.postgresUrl) {
    const events = makeEvents(Math.round(POSTGRES_EVENTS * context.scale));
    const rawDatabase = await createTemporaryDatabase('bench_replay_raw', context.postgresUrl);
    const database = await createTemporaryDatabase('bench_replay', context.postgresUrl);
    try {
      const raw = await timed(events.length, () => rawPostgres(rawDatabase.url, events));
      const store = await PostgresReadStore.open({ url: database.url });
      try {
        results.push(
          result('PostgreSQL', await replay(store, events), { ...raw, label: 'pg jsonb upserts' }),
        );
      } finally {
        await store.close();
      }
    } finally {
      await rawDatabase.drop();
      await database.drop();
    }
  }

  if (context.mongoUrl) {
    const events = makeEvents(Math.round(FERRETDB_EVENTS * context.scale));
    const dbName = `bench_replay_${process.pid}`;
    const raw = await timed(events.length, () => rawDriver(context.mongoUrl ?? '', `${dbName}_raw`, events));
    const store = await MongoReadStore.connect(context.mongoUrl, dbName);
    try {
      results.push(
        result('FerretDB', await replay(store, events), { ...raw, label: 'mongodb driver bulk upserts' }),
      );
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  }
  return results;
};
