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
import { describeProjectionContract } from './testing/projection.contract';
import { testStoreSpaces } from './testing/test-store';

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

if (url) describeProjectionContract('FerretDB', testStoreSpaces.mongodb(url));

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
      // The head of the log: live, the source also says when it passed events the filter leaves out.
      const head = await events.headPosition();
      for (let i = 0; i < 1_200 && runner.status().checkpoint < head; i++) await sleep(25);
      expect(runner.status()).toMatchObject({ state: 'live', checkpoint: head });
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
  },
);
