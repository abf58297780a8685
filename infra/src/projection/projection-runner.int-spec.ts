import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { MemoryReadStore } from '../read-store/memory/memory-read-store';
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
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(projection, {
    store,
    source,
    batchSize: 200,
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
      const memory = new MemoryReadStore();
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

    it('resumes after its process is SIGKILLed mid-stream and ends equal to a rebuild from scratch', async () => {
      const store = await ferret('killed');
      const dbName = `proj_${run}_killed`;
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'testing/projection-child.ts')],
        {
          env: { ...process.env, EVENTS_DB: join(dir, 'events.db'), FERRETDB_URL: url, DB_NAME: dbName },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const checkpoints = store.collection(CHECKPOINTS_COLLECTION);
      const head = await events.headPosition();
      let position = 0;
      for (let i = 0; i < 600 && position < 200; i++) {
        await sleep(50);
        position =
          ((await checkpoints.findOne({ _id: 'case-summary' }))?.position as number | undefined) ?? 0;
      }
      child.kill('SIGKILL');
      await exited;
      const killedAt =
        ((await checkpoints.findOne({ _id: 'case-summary' }))?.position as number | undefined) ?? 0;
      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(head);

      const resumed = await runUntilCaughtUp(caseSummary(), store, storeSource(events));
      await resumed.stop();
      expect(resumed.status().checkpoint).toBe(await events.headPosition());
      expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt());
    });
  },
);
