/**
 * Where a PostgreSQL rebuild of the workflow read models spends its time (issue 10: read models at
 * ≥ 30 % of raw bulk upserts). One process, each variant into a temporary database of its own, the
 * raw bulk upserts of the workflow benchmark last, so that the ratios are of the same minutes:
 *
 *   node -r @swc-node/register bench/postgres-rebuild-profile.ts [cases] [variant…]
 *
 * Two raws: the workflow benchmark's (`_id` upserts of a small document through the read store,
 * no index) and plain SQL upserts of each event's case document with eight expression indexes
 * (`postgres-raw-upserts.ts`, as SQLite's raw is).
 *
 * Variants: `as-is` (the store as built), `no-sides` (no side tables, so no triggers), `no-indexes`
 * (no declared index at all: the documents and `_id` alone). Per variant: events/s, the time the
 * statements took as the client saw them (by kind), the trigger functions' own time
 * (`pg_stat_user_functions`, `track_functions = pl` in the temporary database) and what is left,
 * the handler and JSON in this process.
 */
import { loadavg } from 'node:os';
import { generatedSource } from '@hotline/infra/projection';
import { createTemporaryDatabase } from '@hotline/infra/postgres/testing';
import { PostgresReadStore } from '@hotline/infra/read-store/postgres';
import { PostgresCatalogue } from '../infra/src/read-store/postgres/postgres-catalogue';
import { WorkflowReadModels } from '@hotline/workflow';
import { rawPostgresUpserts } from './postgres-raw-upserts';
import { historyEvents, historyLength } from './workflow-bench-events';

type Variant = 'as-is' | 'no-sides' | 'no-indexes';

const kindOf = (sql: string): string => {
  const s = sql.trimStart();
  if (/^SELECT doc FROM rs_d\d+ WHERE .* FOR UPDATE/s.test(s)) return 'fold: read + lock';
  if (/^INSERT INTO rs_d\d+ \(doc\)/.test(s)) return 'fold: insert documents';
  if (/^UPDATE rs_d\d+ SET doc/.test(s)) return 'fold: update documents';
  if (/^DELETE FROM rs_d\d+ /.test(s)) return 'fold: delete documents';
  if (/^SELECT doc FROM rs_d/.test(s)) return 'reads';
  if (/projection|checkpoint/i.test(s)) return 'checkpoints';
  if (/^(SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT)/.test(s)) return 'transaction control';
  if (/^CREATE INDEX \S+_g ON .* USING gin/.test(s)) return 'build: GIN per path';
  if (/^CREATE INDEX \S+_c ON /.test(s)) return 'build: partial per path';
  if (/^CREATE (UNIQUE )?INDEX rs_d\d+_x\d+ /.test(s)) return 'build: declared B-trees';
  if (/^INSERT INTO rs_d\d+_s/.test(s)) return 'build: side fills';
  if (/^ALTER TABLE rs_d\d+_s\d+ ADD PRIMARY KEY|^CREATE INDEX rs_d\d+_s\d+_id /.test(s))
    return 'build: side B-trees';
  if (/^CREATE (UNIQUE )?INDEX|^CREATE TABLE|^CREATE OR REPLACE FUNCTION|^CREATE TRIGGER/.test(s))
    return 'other DDL';
  return 'other';
};

const original = {
  addSides: (PostgresCatalogue.prototype as unknown as Record<string, unknown>).addSides,
  createIndex: PostgresCatalogue.prototype.createIndex,
};

function patch(variant: Variant): void {
  const proto = PostgresCatalogue.prototype as unknown as Record<string, unknown>;
  proto.addSides = variant === 'as-is' ? original.addSides : async () => undefined;
  proto.createIndex =
    variant === 'no-indexes'
      ? async function (this: PostgresCatalogue, x: never, name: string) {
          await this.ensure(x, name);
        }
      : original.createIndex;
}

async function run(variant: Variant, cases: number): Promise<number> {
  patch(variant);
  const database = await createTemporaryDatabase('profile_rebuild');
  const name = new URL(database.url).pathname.slice(1);
  const admin = await PostgresReadStore.open({ url: database.url });
  await admin.pool.query(`ALTER DATABASE ${name} SET track_functions = 'pl'`);
  await admin.close();
  const store = await PostgresReadStore.open({ url: database.url });
  const spent = new Map<string, { ms: number; n: number }>();
  const slowest: Array<{ ms: number; sql: string }> = [];
  const timedQuery =
    <A extends unknown[], R>(query: (sql: string, ...rest: A) => Promise<R>) =>
    async (sql: string, ...rest: A): Promise<R> => {
      const t = performance.now();
      try {
        return await query(sql, ...rest);
      } finally {
        const kind = kindOf(sql);
        slowest.push({ ms: performance.now() - t, sql: sql.slice(0, 110) });
        const entry = spent.get(kind) ?? { ms: 0, n: 0 };
        entry.ms += performance.now() - t;
        entry.n++;
        spent.set(kind, entry);
      }
    };
  const pool = store.pool as unknown as {
    query: (sql: string, params?: unknown[]) => Promise<unknown>;
    transaction: (work: (tx: unknown) => Promise<unknown>, options?: unknown) => Promise<unknown>;
  };
  pool.query = timedQuery(pool.query.bind(pool));
  const transaction = pool.transaction.bind(pool);
  pool.transaction = (work, options) =>
    transaction((tx) => {
      const t = tx as { query: (sql: string, params?: unknown[]) => Promise<unknown> };
      return work({ query: timedQuery(t.query.bind(t)) });
    }, options);
  const head = historyLength(cases);
  const readModels = new WorkflowReadModels({
    store,
    source: () => generatedSource(head, () => historyEvents(cases)),
  });
  const started = performance.now();
  await readModels.start();
  await readModels.caughtUp();
  await readModels.stop();
  const seconds = (performance.now() - started) / 1000;
  const triggers = await store.pool.query<{ funcname: string; self_time: number; calls: string }>(
    "SELECT funcname, self_time, calls FROM pg_stat_user_functions WHERE funcname LIKE 'rs\\_d%' ORDER BY funcname",
  );
  await store.close();
  await database.drop();
  const total = [...spent.values()].reduce((sum, e) => sum + e.ms, 0);
  const triggerMs = triggers.reduce((sum, t) => sum + Number(t.self_time), 0);
  console.log(
    `\n${variant}: ${head} events in ${seconds.toFixed(1)} s = ${Math.round(head / seconds)} events/s (load ${loadavg()[0]?.toFixed(1)})`,
  );
  for (const [kind, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms))
    console.log(
      `  ${kind.padEnd(24)} ${(e.ms / 1000).toFixed(2).padStart(7)} s ${String(e.n).padStart(7)} statements ${((100 * e.ms) / 1000 / seconds).toFixed(0).padStart(3)} %`,
    );
  console.log(
    `  ${'trigger functions'.padEnd(24)} ${(triggerMs / 1000).toFixed(2).padStart(7)} s (inside the statements above: ${triggers.map((t) => `${t.funcname} ${t.calls} calls`).join(', ')})`,
  );
  if (process.env.PROFILE_SLOWEST)
    for (const q of slowest.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.PROFILE_SLOWEST)))
      console.log(`    ${q.ms.toFixed(0).padStart(6)} ms  ${q.sql.replace(/\s+/g, ' ')}`);
  console.log(
    `  ${'this process (handler, JSON, fold)'.padEnd(24)} ${(seconds - total / 1000).toFixed(2).padStart(7)} s`,
  );
  return head / seconds;
}

/** The workflow benchmark's raw engine: one `_id` upsert per event, 5,000 per bulk write, no index. */
async function raw(cases: number): Promise<number> {
  patch('as-is');
  const database = await createTemporaryDatabase('profile_raw');
  const store = await PostgresReadStore.open({ url: database.url });
  const collection = store.collection('raw_upserts');
  const started = performance.now();
  let ops: Parameters<typeof collection.bulkWrite>[0] = [];
  for (const event of historyEvents(cases)) {
    const id = (event.data as { caseId: string }).caseId;
    ops.push({
      updateOne: {
        filter: { _id: id },
        update: { $set: { type: event.type, at: event.time } },
        upsert: true,
      },
    });
    if (ops.length === 5_000) {
      await collection.bulkWrite(ops);
      ops = [];
    }
  }
  if (ops.length > 0) await collection.bulkWrite(ops);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  await database.drop();
  const rate = historyLength(cases) / seconds;
  console.log(`\nraw bulk upserts: ${Math.round(rate)} events/s (load ${loadavg()[0]?.toFixed(1)})`);
  return rate;
}

/** `postgres-raw-upserts.ts`: the same upserts in plain SQL with the SQLite raw table's eight indexes. */
async function rawIndexed(cases: number): Promise<number> {
  const database = await createTemporaryDatabase('profile_raw_indexed');
  const started = performance.now();
  await rawPostgresUpserts(database.url, cases);
  const seconds = (performance.now() - started) / 1000;
  await database.drop();
  const rate = historyLength(cases) / seconds;
  console.log(`raw upserts with indexes: ${Math.round(rate)} events/s (load ${loadavg()[0]?.toFixed(1)})`);
  return rate;
}

async function main(): Promise<void> {
  const [casesArg, ...variants] = process.argv.slice(2);
  const cases = Number(casesArg ?? 2_000);
  const rates = new Map<string, number>();
  for (const variant of (variants.length > 0 ? variants : ['as-is', 'no-sides', 'no-indexes']) as Variant[])
    rates.set(variant, await run(variant, cases));
  const rawRate = await raw(cases);
  const indexedRate = await rawIndexed(cases);
  console.log('\nratios to raw bulk upserts (same run): unindexed small documents / plain SQL with indexes');
  for (const [variant, rate] of rates)
    console.log(
      `  ${variant.padEnd(12)} ${(rate / rawRate).toFixed(3)} / ${(rate / indexedRate).toFixed(3)}`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
