import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { MongoReadStore } from '../read-store/mongodb/mongodb-read-store';
import type { ReadStore } from '../read-store/read-store.port';
import { eventsSource } from './events-source';
import { CHECKPOINTS_COLLECTION } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import type { Projection, ProjectionSource } from './projection.port';
import { storeSource } from './store-source';
import { caseEvents, caseSummary, dump } from './testing/case-summary.fixture';

const url = process.env.FERRETDB_URL;
const run = `${process.pid}_${Date.now().toString(36)}`;
const COLLECTIONS = caseSummary().collections;

async function runUntilCaughtUp(
  projection: Projection,
  store: ReadStore,
  source: ProjectionSource,
  registry?: Registry,
  batchSize = 200,
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(projection, {
    store,
    source,
    batchSize,
    ...(registry ? { registry } : {}),
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  return runner;
}

async function appendAll(events: SqliteEventStore, count: number, offset = 0): Promise<void> {
  for (const [i, event] of caseEvents(count + offset, 60).entries()) {
    if (i < offset) continue;
    const caseId = (event.data as { caseId: string }).caseId;
    await events.append(
      caseId === 'none' ? 'agent-1' : caseId,
      [{ ...event, id: `${run}-${event.id}` }],
      'any',
    );
  }
}

const describeWithFerret = url ? describe : describe.skip;

describeWithFerret(
  `ProjectionRunner on SQLite events and FerretDB${url ? '' : ' — skipped: FERRETDB_URL not set'}`,
  () => {
    let dir: string;
    let events: SqliteEventStore;
    const stores: MongoReadStore[] = [];
    const ferret = async (name: string): Promise<MongoReadStore> => {
      const store = await MongoReadStore.connect(url ?? '', `proj_${run}_${name}`);
      stores.push(store);
      return store;
    };
    /** The reference: the same projection rebuilt from scratch into memory. */
    const rebuilt = async (): Promise<Record<string, unknown[]>> => {
      const memory = SqliteReadStore.inMemory();
      await (await runUntilCaughtUp(caseSummary(), memory, eventsSource(await events.readAll()))).stop();
      return dump(memory, COLLECTIONS);
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-projection-'));
      events = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'normal' });
      await appendAll(events, 800);
    });

    afterAll(async () => {
      for (const store of stores) {
        await store.dropDatabase();
        await store.close();
      }
      await events?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('catches up from the store, follows live appends, and matches the memory rebuild', async () => {
      const store = await ferret('live');
      const runner = await runUntilCaughtUp(caseSummary(), store, storeSource(events));
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt());
      await appendAll(events, 100, 800);
      // The newest event this projection takes (the others never reach it while it is live).
      const [last] = await events.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: caseSummary().filter,
      });
      for (let i = 0; i < 400 && runner.status().checkpoint < (last?.position ?? 0); i++) await sleep(25);
      expect(runner.status()).toMatchObject({ state: 'live', checkpoint: last?.position });
      await runner.stop();
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt());
    });

    it('changes nothing when the events are delivered again, or replayed after a lost checkpoint', async () => {
      const store = await ferret('redelivery');
      await (await runUntilCaughtUp(caseSummary(), store, storeSource(events))).stop();
      const before = await dump(store, COLLECTIONS);
      const registry = new Registry();
      const all = await events.readAll();
      await (await runUntilCaughtUp(caseSummary(), store, eventsSource(all), registry)).stop();
      expect(await dump(store, COLLECTIONS)).toEqual(before);
      expect(await registry.getSingleMetricAsString('hotline_projection_events_total')).not.toContain(
        'outcome="applied"',
      );

      await store
        .collection(CHECKPOINTS_COLLECTION)
        .updateOne({ _id: 'case-summary' }, { $set: { position: 100 } });
      await (await runUntilCaughtUp(caseSummary(), store, storeSource(events))).stop();
      expect(await dump(store, COLLECTIONS)).toEqual(before);
    });

    it('replays as fast as a rebuild after its process is SIGKILLed ahead of its checkpoint, ending equal to a rebuild', async () => {
      // A store of its own: 2,000 events over 100 cases.
      const path = join(dir, 'replay.db');
      const replayEvents = SqliteEventStore.open({ path, durability: 'normal' });
      for (const event of caseEvents(2_000, 100)) {
        const caseId = (event.data as { caseId: string }).caseId;
        await replayEvents.append(caseId === 'none' ? 'agent-1' : caseId, [event], 'any');
      }
      const head = await replayEvents.headPosition();
      const store = await ferret('killed');
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'testing/projection-child.ts')],
        {
          env: { ...process.env, EVENTS_DB: path, FERRETDB_URL: url, DB_NAME: `proj_${run}_killed` },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Killed once two thirds are handled: their writes are partly stored, no checkpoint covers them.
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          const positions = [...chunk.toString().matchAll(/handled (\d+)/g)].map((m) => Number(m[1]));
          if (positions.some((p) => p >= (head * 2) / 3)) resolve();
        });
        void exited.then(() => reject(new Error('the projecting process exited by itself')));
      });
      child.kill('SIGKILL');
      await exited;
      const checkpoints = store.collection(CHECKPOINTS_COLLECTION);
      const saved = await checkpoints.findOne<{ position: number; writtenUpTo: number }>({
        _id: 'case-summary',
      });
      expect(saved?.position).toBe(0);
      expect(saved?.writtenUpTo).toBeGreaterThanOrEqual((head * 2) / 3);
      expect(await store.collection('cases').countDocuments({})).toBeGreaterThan(0);

      const started = performance.now();
      const resumed = await runUntilCaughtUp(
        caseSummary(),
        store,
        storeSource(replayEvents),
        undefined,
        5_000,
      );
      const seconds = (performance.now() - started) / 1000;
      await resumed.stop();
      expect(resumed.status().checkpoint).toBe(head);
      // The reference: the same events into an empty database, where nothing is guarded.
      const fresh = await ferret('fresh');
      const rebuildStarted = performance.now();
      await (
        await runUntilCaughtUp(caseSummary(), fresh, storeSource(replayEvents), undefined, 5_000)
      ).stop();
      const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
      const rate = (s: number) => `${s.toFixed(2)} s (${Math.round(head / s)} events/s)`;
      process.stderr.write(
        `FerretDB, ${head} events: replay after SIGKILL ${rate(seconds)}; rebuild into an empty database ${rate(rebuildSeconds)}\n`,
      );
      const memory = SqliteReadStore.inMemory();
      await (
        await runUntilCaughtUp(caseSummary(), memory, eventsSource(await replayEvents.readAll()))
      ).stop();
      expect(await dump(store, COLLECTIONS)).toEqual(await dump(memory, COLLECTIONS));
      await replayEvents.close();
      // A guard that scanned the collection per write made the replay ~50 times slower than this
      // (5 events/s); an absolute rate depends on the machine's load, the ratio does not.
      expect(seconds).toBeLessThan(rebuildSeconds * 2 + 0.5);
    });
  },
);
