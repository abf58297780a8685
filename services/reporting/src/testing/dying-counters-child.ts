/**
 * The case counters projection in a process of its own, for the crash test: it projects
 * `generatedCases(CASES)` into the SQLite file STORE_PATH in batches of BATCH_SIZE and SIGKILLs
 * itself while handling event KILL_AT. It remembers one case only, so most events read their case
 * from the store, and each such read writes the batch so far into the open transaction: the batch
 * that dies has writes in the file's log that were never committed.
 */
import { ProjectionRunner, eventsSource, type Projection } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { caseCountersProjection } from '../counters/case-counters.projection';
import { generatedCases } from './generated-cases';

async function main(): Promise<void> {
  const store = SqliteReadStore.open({ path: String(process.env.STORE_PATH) });
  const killAt = Number(process.env.KILL_AT);
  const base = caseCountersProjection({ cacheSize: 1 });
  const dying: Projection = {
    ...base,
    handle: async (event, view, context) => {
      if (event.position === killAt) process.kill(process.pid, 'SIGKILL');
      await base.handle(event, view, context);
    },
  };
  const events = generatedCases(Number(process.env.CASES));
  const runner = new ProjectionRunner(dying, {
    store,
    source: eventsSource(events),
    batchSize: Number(process.env.BATCH_SIZE),
  });
  await runner.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
