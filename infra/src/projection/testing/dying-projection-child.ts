/**
 * A projection runner in a process of its own for the crash tests of the projection contract: it
 * projects EVENT_COUNT fixture events (over CASES cases) in batches of BATCH_SIZE into the store of
 * STORE_* (see test-store.ts) and SIGKILLs itself while handling event KILL_AT, in the middle of a
 * batch whose earlier writes were already flushed (into the open transaction, or, in MongoDB, ahead
 * of the checkpoint).
 */
import { eventsSource } from '../events-source';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection.port';
import { caseEvents, caseSummary, recorded } from './case-summary.fixture';
import { addressFromEnv, openTestStore } from './test-store';

async function main(): Promise<void> {
  const store = await openTestStore(addressFromEnv(process.env));
  const killAt = Number(process.env.KILL_AT);
  const base = caseSummary();
  const dying: Projection = {
    ...base,
    handle: async (event, view, ctx) => {
      if (event.position === killAt) process.kill(process.pid, 'SIGKILL');
      await base.handle(event, view, ctx);
    },
  };
  const events = recorded(caseEvents(Number(process.env.EVENT_COUNT), Number(process.env.CASES)));
  const batchSize = Number(process.env.BATCH_SIZE);
  const runner = new ProjectionRunner(dying, { store, source: eventsSource(events), batchSize });
  await runner.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
