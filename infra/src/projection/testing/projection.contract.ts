import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RecordedEvent } from '@hotline/contracts';
import type { ReadStore } from '../../read-store/read-store.port';
import { SqliteReadStore } from '../../read-store/sqlite/sqlite-read-store';
import { eventsSource } from '../events-source';
import { CHECKPOINTS_COLLECTION } from '../projection-checkpoints';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection.port';
import { projectionsBehind } from '../projections-behind';
import { caseEvents, caseSummary, dump, recorded } from './case-summary.fixture';
import { addressEnv, openTestStore, type TestStoreSpace } from './test-store';

const COLLECTIONS = caseSummary().collections;
// 20 cases: each is closed several times, and a close reads (flushing the batch so far).
const EVENTS = recorded(caseEvents(600, 20));
const takes = (e: RecordedEvent) => e.streamId.startsWith('case-');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for `condition`, long enough for the slowest adapter on a loaded machine (FerretDB). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_200 && !condition(); i++) await sleep(50);
}

/** Counts the events the handler is given. */
export function counted(projection: Projection): { projection: Projection; handled: number[] } {
  const handled: number[] = [];
  return {
    handled,
    projection: {
      ...projection,
      handle: async (event, store, ctx) => {
        handled.push(event.position);
        await projection.handle(event, store, ctx);
      },
    },
  };
}

/** Runs `projection` over `events` until it has caught up, then stops it. */
export async function project(
  projection: Projection,
  store: ReadStore,
  events: readonly RecordedEvent[],
  batchSize = 50,
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(projection, { store, source: eventsSource(events), batchSize });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return runner;
}

/** The read model rebuilt from scratch from `events`, in a store of its own (SQLite in memory). */
export async function rebuilt(
  events: readonly RecordedEvent[],
  version = 1,
): Promise<Record<string, unknown[]>> {
  const store = SqliteReadStore.inMemory();
  await project(caseSummary(version), store, events);
  const result = await dump(store, COLLECTIONS);
  await store.close();
  return result;
}

/**
 * What a projection runner must do on every read store adapter: resume from its checkpoint, lose
 * and double nothing when its process is killed mid-batch (and replay the rest at the store's
 * write speed: the rate is printed), rebuild a changed version beside the old read model and swap
 * it in (finishing a swap cut short at the next start), and stop at an event its handler throws on,
 * saying where and why. `fresh` gives an empty store's address each time.
 */
export function describeProjectionContract(adapterName: string, fresh: () => Promise<TestStoreSpace>): void {
  describe(`Projection contract [${adapterName}]`, () => {
    const spaces: TestStoreSpace[] = [];
    const opened: ReadStore[] = [];
    const open = async (space?: TestStoreSpace): Promise<{ store: ReadStore; space: TestStoreSpace }> => {
      const at = space ?? (await fresh());
      if (!space) spaces.push(at);
      const store = await openTestStore(at.address);
      opened.push(store);
      return { store, space: at };
    };

    afterAll(async () => {
      // Some were closed by their test already (a restart).
      for (const store of opened) await store.close().catch(() => undefined);
      for (const space of spaces) await space.remove();
    });

    it('resumes after a restart from its checkpoint, applying only the events that came after it', async () => {
      const { store: first, space } = await open();
      await project(caseSummary(), first, EVENTS.slice(0, 400));
      await first.close();

      const { store: again } = await open(space);
      const { projection, handled } = counted(caseSummary());
      await project(projection, again, EVENTS);
      expect(handled).toEqual(
        EVENTS.slice(400)
          .filter(takes)
          .map((e) => e.position),
      );
      expect(await dump(again, COLLECTIONS)).toEqual(await rebuilt(EVENTS));
    });

    it('loses and doubles nothing when its process is SIGKILLed mid-batch, and replays the rest', async () => {
      // Batches of 250, killed inside the third: its flushed writes are past the checkpoint.
      const events = recorded(caseEvents(3_000, 100));
      const killAt = 777;
      const space = await fresh();
      spaces.push(space);
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'dying-projection-child.ts')],
        {
          env: {
            ...process.env,
            ...addressEnv(space.address),
            EVENT_COUNT: String(events.length),
            CASES: '100',
            KILL_AT: String(killAt),
            BATCH_SIZE: '250',
          },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      expect(signal).toBe('SIGKILL');

      const { store } = await open(space);
      const saved = await store
        .collection(CHECKPOINTS_COLLECTION)
        .findOne<{ position: number }>({ _id: 'case-summary' });
      const at = saved?.position ?? 0;
      expect(at).toBeLessThan(killAt);
      // With transactions, nothing of the batch that died is stored: exactly the events up to the checkpoint.
      if (store.writer) expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(events.slice(0, at)));
      // A store with a rebuild mode was loading (the run began at position 0 into empty
      // collections): what it loaded was never indexed, so the next start rebuilds from the first event.
      const loading = (await store.rebuildLoad?.pending(COLLECTIONS)) ?? false;
      expect(loading).toBe(store.rebuildLoad !== undefined);

      const { projection, handled } = counted(caseSummary());
      const started = performance.now();
      await project(projection, store, events, 1_000);
      const seconds = (performance.now() - started) / 1000;
      expect(handled).toEqual(
        events
          .slice(loading ? 0 : at)
          .filter(takes)
          .map((e) => e.position),
      );
      expect((await store.rebuildLoad?.pending(COLLECTIONS)) ?? false).toBe(false);
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(events));
      const replayed = events.length - at;
      process.stderr.write(
        `[${adapterName}] replay after SIGKILL: ${replayed} events from position ${at} in ${seconds.toFixed(2)} s (${Math.round(replayed / seconds)} events/s)\n`,
      );
    });

    it('rebuilds a new version beside the old read model, which serves until the new one is swapped in', async () => {
      const { store } = await open();
      await project(caseSummary(1), store, EVENTS);
      const v1 = await dump(store, COLLECTIONS);

      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const v2 = caseSummary(2);
      const slow: Projection = {
        ...v2,
        handle: async (event, view, ctx) => {
          if (event.position === 301) await held;
          await v2.handle(event, view, ctx);
        },
      };
      const runner = new ProjectionRunner(slow, { store, source: eventsSource(EVENTS), batchSize: 50 });
      await runner.start();
      await until(() => runner.status().checkpoint >= 250);
      expect(await dump(store, COLLECTIONS)).toEqual(v1);
      expect(await store.listCollections()).toEqual(
        expect.arrayContaining(['cases__v2', 'district_counts__v2']),
      );
      expect(runner.status()).toMatchObject({ name: 'case-summary', version: 2, state: 'catching-up' });
      expect(await projectionsBehind([runner])).toMatch(/^case-summary is catching-up, \d+ events behind/);

      release();
      await runner.waitUntilCaughtUp();
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS, 2));
      expect(await store.listCollections()).not.toContain('cases__v2');
      expect(await store.collection(CHECKPOINTS_COLLECTION).find({})).toEqual([
        { _id: 'case-summary', position: EVENTS.length, version: 2, writtenUpTo: expect.any(Number) },
      ]);
      // The declared index came along with the documents.
      expect((await store.collection('cases').listIndexes()).map((i) => i.name)).toContain('districtId_1');
      await runner.stop();
    });

    it('finishes at its next start a swap that a crash cut short after the first collection', async () => {
      const { store, space } = await open();
      await project(caseSummary(1), store, EVENTS);
      // The process dies in the swap: the second rename never happens.
      let renames = 0;
      const renameCollection = async (from: string, to: string): Promise<void> => {
        if (++renames === 2) throw new Error('the process died here');
        await store.renameCollection?.(from, to);
      };
      const dying = new Proxy(store, {
        get: (target, key) => {
          if (key === 'renameCollection') return renameCollection;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      const cut = new ProjectionRunner(caseSummary(2), {
        store: dying,
        source: eventsSource(EVENTS),
        batchSize: 50,
      });
      await cut.start();
      await until(() => renames >= 2);
      expect(renames).toBe(2);
      await cut.stop();
      await store.close();

      const { store: restarted } = await open(space);
      const runner = new ProjectionRunner(caseSummary(2), {
        store: restarted,
        source: eventsSource(EVENTS),
        batchSize: 50,
      });
      await runner.start();
      await runner.waitUntilCaughtUp();
      await runner.stop();
      expect(await dump(restarted, COLLECTIONS)).toEqual(await rebuilt(EVENTS, 2));
      expect((await restarted.listCollections()).filter((c) => c.includes('__v'))).toEqual([]);
      expect(await restarted.collection(CHECKPOINTS_COLLECTION).find({})).toEqual([
        expect.objectContaining({ _id: 'case-summary', position: EVENTS.length, version: 2 }),
      ]);
    });

    it('stops at an event its handler throws on, saying where and why, and never skips it', async () => {
      const { store } = await open();
      const base = caseSummary();
      const failing: Projection = {
        ...base,
        handle: async (event, view, ctx) => {
          if (event.position === 205) throw new Error('cannot read this event');
          await base.handle(event, view, ctx);
        },
      };
      const runner = new ProjectionRunner(failing, {
        store,
        source: eventsSource(EVENTS),
        batchSize: 50,
        retryBackoff: { initialMs: 5, maxMs: 20 },
      });
      await runner.start();
      await until(() => runner.status().failedAt !== undefined);
      await sleep(100);
      expect(runner.status()).toMatchObject({
        checkpoint: 204,
        failedAt: { position: 205, eventType: EVENTS[204]?.type, reason: 'cannot read this event' },
      });
      // What /health/ready answers (503) while it is stopped there.
      expect(await projectionsBehind([runner])).toBe(
        `case-summary stopped at event 205 (${EVENTS[204]?.type}): cannot read this event`,
      );
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS.slice(0, 204)));
      await runner.stop();
    });
  });
}
