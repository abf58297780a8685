/**
 * A projection runner in a process of its own, for the kill-and-resume test: it projects the SQLite
 * store into FerretDB in one long batch (as the workflow catches up), printing `handled <position>`
 * every 100 events, until the test SIGKILLs it. Its handler's reads flush writes ahead of the
 * checkpoint, so the next run starts with a replay window.
 * Env: EVENTS_DB (SQLite path), FERRETDB_URL, DB_NAME.
 */
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { MongoReadStore } from '../../read-store/mongodb/mongodb-read-store';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection.port';
import { storeSource } from '../store-source';
import { caseSummary } from './case-summary.fixture';

async function main(): Promise<void> {
  const events = SqliteEventStore.open({ path: process.env.EVENTS_DB ?? '', durability: 'normal' });
  const store = await MongoReadStore.connect(process.env.FERRETDB_URL ?? '', process.env.DB_NAME ?? '');
  const base = caseSummary();
  let handled = 0;
  const counted: Projection = {
    ...base,
    handle: async (event, view, ctx) => {
      await base.handle(event, view, ctx);
      if (++handled % 100 === 0) process.stdout.write(`handled ${event.position}\n`);
    },
  };
  const runner = new ProjectionRunner(counted, { store, source: storeSource(events), batchSize: 100_000 });
  await runner.start();
  process.stdout.write('started\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
