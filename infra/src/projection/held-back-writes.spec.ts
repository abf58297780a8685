import type { RecordedEvent } from '@hotline/contracts';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import type { ReadStore } from '../read-store/read-store.port';
import { eventsSource } from './events-source';
import { ProjectionRunner } from './projection-runner';
import type { Projection, ProjectionContext } from './projection.port';
import { caseEvents, caseSummary, dump, recorded } from './testing/case-summary.fixture';

const EVENTS = recorded(caseEvents(500, 40));
const COLLECTIONS = caseSummary().collections;
const fastRetry = { initialMs: 1, maxMs: 5 };

/**
 * caseSummary with its district counters held back: each event's increments are summed in memory
 * and written once per batch by `flush` (what the reporting counters do). The case documents are
 * still written per event, and CaseClosed still reads the store first.
 */
function heldBackSummary(): Projection & { flushes: number; restarts: number } {
  const base = caseSummary();
  let held = new Map<string, Record<string, number>>();
  const projection = {
    ...base,
    flushes: 0,
    restarts: 0,
    async handle(event: RecordedEvent, store: ReadStore, ctx: ProjectionContext) {
      const counts = new Map<string, Record<string, number>>();
      const capture: ProjectionContext = {
        position: ctx.position,
        delete: (c, id) => ctx.delete(c, id),
        guardedUpdate(collection, id, update) {
          if (collection !== 'district_counts') return ctx.guardedUpdate(collection, id, update);
          counts.set(String(id), update.$inc as Record<string, number>);
        },
      };
      await base.handle(event, store, capture);
      // Handed over at the end, after the handler's last read.
      for (const [id, inc] of counts) {
        const sum = held.get(id) ?? {};
        for (const [field, by] of Object.entries(inc)) sum[field] = (sum[field] ?? 0) + by;
        held.set(id, sum);
      }
    },
    flush(ctx: ProjectionContext) {
      if (held.size > 0) projection.flushes++;
      for (const [id, inc] of held) ctx.guardedUpdate('district_counts', id, { $inc: inc });
      held = new Map();
    },
    restart() {
      projection.restarts++;
      held = new Map();
    },
  };
  return projection;
}

async function runToEnd(projection: Projection, store: ReadStore, events: RecordedEvent[], batchSize = 50) {
  const runner = new ProjectionRunner(projection, {
    store,
    source: eventsSource(events),
    retryBackoff: fastRetry,
    batchSize,
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return runner;
}

/** The documents without their `_pos` stamps (held-back writes are stamped with the batch's last event). */
async function contents(store: ReadStore): Promise<Record<string, unknown[]>> {
  const all = await dump(store, COLLECTIONS);
  for (const docs of Object.values(all)) for (const doc of docs) delete (doc as { _pos?: unknown })._pos;
  return all;
}

async function perEvent(): Promise<Record<string, unknown[]>> {
  const store = SqliteReadStore.inMemory();
  await runToEnd(caseSummary(), store, EVENTS);
  return contents(store);
}

/** A store without transactions (as MongoDB and FerretDB): flushed writes stay when a run dies. */
const withoutTransactions = (): ReadStore =>
  Object.assign(Object.create(SqliteReadStore.inMemory()) as ReadStore, { writer: undefined });

describe('held-back writes (Projection.flush)', () => {
  it('end as the per-event writes do, written once per touched document per flush', async () => {
    const store = SqliteReadStore.inMemory();
    const writes: number[] = [];
    const recording: ReadStore = Object.assign(Object.create(store) as ReadStore, {
      collection: (name: string) => {
        const real = store.collection(name);
        if (name !== 'district_counts') return real;
        return Object.assign(Object.create(real) as typeof real, {
          bulkWrite: (ops: Parameters<typeof real.bulkWrite>[0]) => {
            writes.push(ops.length);
            return real.bulkWrite(ops);
          },
        });
      },
    });
    const projection = heldBackSummary();
    await runToEnd(projection, recording, EVENTS);
    expect(await contents(store)).toEqual(await perEvent());
    // Three districts: never more than three counter writes per flush, however many events.
    expect(writes.length).toBeGreaterThan(0);
    expect(Math.max(...writes)).toBeLessThanOrEqual(3);
    expect(projection.flushes).toBeGreaterThan(0);
    expect(projection.restarts).toBe(1);
  });

  it('replay exactly after a run died with some held-back writes flushed and no checkpoint past them', async () => {
    const store = withoutTransactions();
    const base = heldBackSummary();
    // Events 1..44 open cases (counted, no read). Event 29's handler never returns; a read at 28
    // (that the next run does not make) flushed the counts since the checkpoint, unrecorded.
    let died: () => void = () => undefined;
    const dead = new Promise<void>((resolve) => (died = resolve));
    const dying: Projection = {
      ...base,
      async handle(e, v, c) {
        if (e.position === 29) return (died(), new Promise<void>(() => undefined));
        if (e.position === 28) await v.collection('cases').findOne({ _id: 'none' });
        return base.handle(e, v, c);
      },
    };
    const crashed = new ProjectionRunner(dying, { store, source: eventsSource(EVENTS), batchSize: 10 });
    await crashed.start();
    await dead;
    const { checkpoint } = crashed.status();
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(28);
    const past = { _pos: { $gt: checkpoint } };
    expect(await store.collection('district_counts').countDocuments(past)).toBeGreaterThan(0);
    // The next run replays the window event by event (guarded), then holds back again.
    await runToEnd(heldBackSummary(), store, EVENTS, 100);
    expect(await contents(store)).toEqual(await perEvent());
  });

  it('forget what they held when a handler fails, and count the replayed events once', async () => {
    const store = SqliteReadStore.inMemory();
    const base = heldBackSummary();
    let failures = 0;
    const flaky: Projection = {
      ...base,
      async handle(event, view, ctx) {
        if (event.position === 123 && failures++ < 2) throw new Error('transient');
        await base.handle(event, view, ctx);
      },
    };
    await runToEnd(flaky, store, EVENTS);
    expect(failures).toBe(3);
    expect(base.restarts).toBe(3);
    expect(await contents(store)).toEqual(await perEvent());
  });
});
