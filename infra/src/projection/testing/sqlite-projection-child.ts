/**
 * A projection runner in a process of its own for the crash test of the SQLite read store: it
 * projects EVENT_COUNT fixture events and SIGKILLs itself while handling event KILL_AT, in the
 * middle of a batch whose earlier writes were already flushed into the open transaction.
 * Env: READ_DB (SQLite read store path), EVENT_COUNT (over 20 cases), KILL_AT.
 */
import { SqliteReadStore } from '../../read-store/sqlite/sqlite-read-store';
import { eventsSource } from '../events-source';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection.port';
import { caseEvents, caseSummary, recorded } from './case-summary.fixture';

async function main(): Promise<void> {
  const store = SqliteReadStore.open({ path: process.env.READ_DB ?? '' });
  const killAt = Number(process.env.KILL_AT);
  const base = caseSummary();
  const dying: Projection = {
    ...base,
    handle: async (event, view, ctx) => {
      if (event.position === killAt) process.kill(process.pid, 'SIGKILL');
      await base.handle(event, view, ctx);
    },
  };
  const events = recorded(caseEvents(Number(process.env.EVENT_COUNT), 20));
  const runner = new ProjectionRunner(dying, { store, source: eventsSource(events), batchSize: 50 });
  await runner.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
