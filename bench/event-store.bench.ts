/**
 * The SQLite event store against a plain `node:sqlite` loop on the same file system, durability and
 * table shape: appends one event per commit and batched, and a read-all replay.
 */
import type { EventToAppend } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { join } from 'node:path';
import { type BenchResult, type Benchmark, type Throughput, timed } from './bench-kit';

const sqlite = process.getBuiltinModule('node:sqlite');

const WRITERS = 64;
const BATCH = 100;
/** Pages of 1,000 measured fastest: larger pages keep more objects alive across young-generation GCs. */
const REPLAY_PAGE = 1_000;
const WARM_UP_EVENTS = 20_000;
const FILL_BATCH = 10_000;

const metadata = {
  correlationId: 'bench-correlation',
  causationId: 'bench-causation',
  actor: { id: 'agent-007', role: 'agent' },
  districtId: 'xicheng',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** A contact event of typical size; the PostgreSQL benchmark appends the same. */
export const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'ContactReceived',
  version: 1,
  data: {
    contactId: `contact-${n}`,
    channel: 'phone',
    caller: '138****0000',
    summary: 'Streetlight out at the corner of the market road since Monday night',
  },
  metadata,
  time: '2024-05-06T09:30:00.000+08:00',
});

/** The raw side: the same columns and unique keys as the store's table, nothing else. */
function openRaw(
  path: string,
  synchronous: 'FULL' | 'OFF',
): { db: DatabaseSync; insert: (n: number, stream: string, revision: number) => void } {
  const db = new sqlite.DatabaseSync(path);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};`);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    time TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const stmt = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, version, data, metadata, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insert = (n: number, stream: string, revision: number): void => {
    const e = event(n);
    stmt.run(
      stream,
      revision,
      e.id,
      e.type,
      e.version,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      e.time,
    );
  };
  return { db, insert };
}

function rawAppends(path: string, transactions: number, rowsPerTransaction: number): Promise<Throughput> {
  const { db, insert } = openRaw(path, 'FULL');
  return timed(transactions * rowsPerTransaction, () => {
    for (let t = 0; t < transactions; t++) {
      db.exec('BEGIN IMMEDIATE');
      for (let r = 0; r < rowsPerTransaction; r++) insert(t, `raw-${t}`, r);
      db.exec('COMMIT');
    }
  }).finally(() => db.close());
}

/** `writers` concurrent loops, each appending `perAppend` events per call to its own stream. */
async function ourAppends(
  path: string,
  writers: number,
  appendsPerWriter: number,
  perAppend: number,
): Promise<Throughput> {
  const store = SqliteEventStore.open({ path, durability: 'full' });
  try {
    return await timed(writers * appendsPerWriter * perAppend, async () => {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let a = 0; a < appendsPerWriter; a++) {
            const events = Array.from({ length: perAppend }, (_, i) => event(a * perAppend + i));
            await store.append(`writer-${w}`, events, a === 0 ? 'noStream' : a * perAppend - 1);
          }
        }),
      );
    });
  } finally {
    await store.close();
  }
}

/** Replays every event through `readAll` pages, as a projection rebuild does. */
async function replayOurs(store: SqliteEventStore, limit: number): Promise<number> {
  let checksum = 0;
  let from = 0;
  for (let seen = 0; seen < limit;) {
    const page = await store.readAll({ fromPosition: from, maxCount: Math.min(REPLAY_PAGE, limit - seen) });
    const last = page[page.length - 1];
    if (last === undefined) break;
    for (const e of page)
      checksum += (e.data as { contactId: string }).contactId.length + e.metadata.districtId.length;
    seen += page.length;
    from = last.position;
  }
  return checksum;
}

/** The same rows straight from a SELECT, parsed the same way. */
function replayRaw(select: StatementSync, limit: number): number {
  let checksum = 0;
  for (const row of select.iterate(limit)) {
    const data = JSON.parse(row.data as string) as { contactId: string };
    const meta = JSON.parse(row.metadata as string) as { districtId: string };
    checksum += data.contactId.length + meta.districtId.length;
  }
  return checksum;
}

async function replay(dir: string, total: number): Promise<{ ours: Throughput; raw: Throughput }> {
  const path = join(dir, 'replay.db');
  const filler = openRaw(path, 'OFF');
  for (let n = 0; n < total; n++) {
    if (n % FILL_BATCH === 0) filler.db.exec('BEGIN');
    filler.insert(n, `case-${n % 1000}`, Math.floor(n / 1000));
    if (n % FILL_BATCH === FILL_BATCH - 1 || n === total - 1) filler.db.exec('COMMIT');
  }
  // Closing checkpoints the WAL into the file, as a store at rest is when a service starts.
  filler.db.close();
  const db = new sqlite.DatabaseSync(path);
  const select = db.prepare(
    'SELECT position, stream_id, revision, event_id, type, version, data, metadata, time FROM events ORDER BY position LIMIT ?',
  );
  const store = SqliteEventStore.open({ path });
  try {
    // Warm both paths (JIT, page cache) on a slice before timing the whole.
    replayRaw(select, WARM_UP_EVENTS);
    await replayOurs(store, WARM_UP_EVENTS);
    let rawSum = 0;
    let ourSum = 0;
    const raw = await timed(total, () => {
      rawSum = replayRaw(select, total);
    });
    const ours = await timed(total, async () => {
      ourSum = await replayOurs(store, total);
    });
    if (ourSum !== rawSum)
      throw new Error(`replay read different events than the raw loop (${ourSum} vs ${rawSum})`);
    return { ours, raw };
  } finally {
    db.close();
    await store.close();
  }
}

export const run: Benchmark = async ({ scale, tmpDir }) => {
  const single = Math.max(1, Math.round(40 * scale));
  const rawSingle = Math.max(100, Math.round(5000 * scale));
  const batches = Math.max(10, Math.round(400 * scale));
  const replayTotal = Math.max(10_000, Math.round(250_000 * scale));

  const rawOne = await rawAppends(join(tmpDir, 'raw-one.db'), rawSingle, 1);
  const oursOne = await ourAppends(join(tmpDir, 'ours-one.db'), WRITERS, single, 1);
  const rawBatch = await rawAppends(join(tmpDir, 'raw-batch.db'), batches, BATCH);
  const oursBatch = await ourAppends(join(tmpDir, 'ours-batch.db'), 1, batches, BATCH);
  const replayed = await replay(tmpDir, replayTotal);

  const results: BenchResult[] = [
    {
      name: 'event store: append 1 event/commit (fsync)',
      unit: 'event',
      ours: oursOne,
      raw: { ...rawOne, label: 'node:sqlite insert, 1 row/transaction' },
      goal: { minRatio: 0.5 },
      notes: `${WRITERS} concurrent writers to distinct streams, each awaiting its append; group commit shares fsyncs`,
    },
    {
      name: `event store: append ${BATCH} events/append (fsync)`,
      unit: 'event',
      ours: oursBatch,
      raw: { ...rawBatch, label: `node:sqlite insert, ${BATCH} rows/transaction` },
      goal: { minRatio: 0.5 },
      notes:
        'one writer, one append at a time: no group commit help, so this is the per-event cost of the layer',
    },
    {
      name: 'event store: readAll replay',
      unit: 'event',
      ours: replayed.ours,
      raw: { ...replayed.raw, label: 'node:sqlite SELECT iterate + JSON.parse' },
      goal: { minPerSecond: 200_000 },
      notes: `${replayTotal} events in pages of ${REPLAY_PAGE}`,
    },
  ];
  return results;
};
