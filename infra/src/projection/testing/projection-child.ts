/**
 * A projection runner in a process of its own, for the kill-and-resume test: it projects the SQLite
 * store into FerretDB slowly (1 ms per event) until the test SIGKILLs it.
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
  const slow: Projection = {
    ...base,
    handle: async (event, view, ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await base.handle(event, view, ctx);
    },
  };
  const runner = new ProjectionRunner(slow, { store, source: storeSource(events), batchSize: 50 });
  await runner.start();
  process.stdout.write('started\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
