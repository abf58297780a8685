import type { RecordedEvent } from '@hotline/contracts';
import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing/temporary-database';
import { eventsSource } from '../../projection/events-source';
import { ProjectionCheckpoints } from '../../projection/projection-checkpoints';
import { ProjectionRunner } from '../../projection/projection-runner';
import type { Projection } from '../../projection/projection.port';
import { caseEvents, recorded } from '../../projection/testing/case-summary.fixture';
import { DuplicateKeyError } from '../read-store.errors';
import type { Filter, ReadStore } from '../read-store.port';
import type { PostgresCollection } from './postgres-collection';
import { PostgresReadStore } from './postgres-read-store';

let database: TemporaryDatabase;
let store: PostgresReadStore;

beforeAll(async () => {
  database = await createTemporaryDatabase('read_store_rebuild');
  store = await PostgresReadStore.open({ url: database.url });
});

afterAll(async () => {
  await store.close();
  await database.drop();
});

/** The store as it was before the rebuild mode: every write keeps the indexes and side tables. */
const withoutRebuildMode = (of: PostgresReadStore): ReadStore =>
  Object.assign(Object.create(of) as PostgresReadStore, { rebuildLoad: undefined });

const info = async (name: string) => {
  store.catalogue.forget();
  return store.read((x) => store.catalogue.find(x, name));
};

/** Per declared path, the rows of its side table, sorted. */
async function sideRows(name: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const side of (await info(name))?.sides.values() ?? []) {
    const rows = await store.pool.query<{ v: unknown; id: unknown }>(`SELECT v, id FROM ${side.table}`);
    out[side.path] = rows.map((row) => JSON.stringify([row.v, row.id])).sort();
  }
  return out;
}

/**
 * The physical layout of a collection with its numbers taken out: the documents' indexes (their
 * definitions, the side table an index is named after given as its path), the side tables' indexes,
 * and the triggers.
 */
async function layout(name: string): Promise<string[]> {
  const found = await info(name);
  if (!found) return [];
  const byTable = new Map([...found.sides.values()].map((side) => [side.table, side.path]));
  const normal = (sql: string) =>
    sql
      .replace(/rs_d\d+_s\d+/g, (table) => `side(${byTable.get(table) ?? '?'})`)
      .replace(/rs_d\d+_x\d+/g, 'declared')
      .replace(/rs_d\d+/g, 'docs');
  const indexes = await store.pool.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE tablename = $1 OR tablename LIKE $2 ESCAPE '!'",
    [found.table, `${found.table}!_s%`],
  );
  const triggers = await store.pool.query<{ tgname: string }>(
    'SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = $1 AND NOT t.tgisinternal',
    [found.table],
  );
  return [
    ...indexes.map((row) => normal(row.indexdef)),
    ...triggers.map((row) => `trigger ${normal(row.tgname)}`),
  ].sort();
}

const explained = (name: string, filter: Filter) =>
  (store.collection(name) as unknown as PostgresCollection).explain(filter);

async function countedFromSides(name: string, filter: Filter): Promise<boolean> {
  const { count } = await explained(name, filter);
  return count.some((step) => / rs_d\d+_s\d+/.test(step)) && !count.some((step) => / on rs_d\d+ /.test(step));
}

const FILTERS: Filter[] = [
  { tag: 'a' },
  { tag: { $in: ['b', 1] } },
  { tags: 'x' },
  { tags: { $all: ['x', 'y'] } },
  { n: { $gte: 2 } },
  { 'o.x': 1 },
  { tag: 'a', n: { $lt: 3 } },
  { $or: [{ tag: 'c' }, { tags: 'z' }] },
];

async function declare(name: string): Promise<void> {
  const c = store.collection(name);
  await c.createIndex({ tag: 1 });
  await c.createIndex({ tag: 1, n: 1 });
  await c.createIndex({ n: 1 });
  await c.createIndex({ tags: 1 });
  await c.createIndex({ 'o.x': 1 });
  await c.createIndex({ no: 1 }, { unique: true });
}

/** The same writes, of every kind the port has (the bulk fold's `_id` writes and the others). */
async function write(name: string): Promise<void> {
  const c = store.collection(name);
  const tags = ['a', 'b', 'c', 1, true];
  await c.insertMany(
    Array.from({ length: 60 }, (_, i) => ({
      _id: `d${i}`,
      no: i,
      ...(i % 7 === 0 ? {} : { tag: tags[i % tags.length] }),
      n: i % 5,
      tags: i % 3 === 0 ? ['x', 'y', 'x'] : i % 3 === 1 ? ['z'] : [],
      o: i % 4 === 0 ? { x: [1, 1, 2] } : { x: i % 2 },
    })),
  );
  await c.bulkWrite([
    ...Array.from({ length: 20 }, (_, i) => ({
      updateOne: {
        filter: { _id: `d${i * 3}` },
        update: { $set: { tag: 'c' }, $push: { tags: 'w' }, $inc: { n: 1 } },
        upsert: true,
      },
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      updateOne: { filter: { _id: `new${i}` }, update: { $set: { tag: 'b', no: 100 + i } }, upsert: true },
    })),
    { deleteOne: { filter: { _id: 'd5' } } },
  ]);
  await c.updateMany({ n: 4 }, { $set: { tags: ['x', 'z'] }, $unset: { 'o.x': '' } });
  await c.deleteMany({ tag: true });
}

/** Writes after the load, through the trigger. */
async function laterWrites(name: string): Promise<void> {
  await store.collection(name).updateOne({ _id: 'd1' }, { $set: { tag: 'q', tags: ['q', 'q'] } });
  await store.collection(name).deleteOne({ _id: 'd2' });
}

describe('the PostgreSQL read store’s rebuild mode', () => {
  it('ends with the side tables, counts, indexes and trigger of the same writes applied live', async () => {
    await declare('live');
    await write('live');

    expect(await store.rebuildLoad.begin(['loaded'])).toBe(true);
    await declare('loaded');
    await write('loaded');
    // Loading: no side table, no declared B-tree but the unique one, and reads still right.
    expect(await store.rebuildLoad.pending(['loaded'])).toBe(true);
    expect((await info('loaded'))?.sides.size).toBe(0);
    expect((await layout('loaded')).filter((index) => index.includes('declared'))).toHaveLength(1);
    for (const filter of FILTERS) {
      expect(await countedFromSides('loaded', filter)).toBe(false);
      expect(await store.collection('loaded').countDocuments(filter)).toBe(
        await store.collection('live').countDocuments(filter),
      );
    }
    await expect(store.collection('loaded').insertOne({ _id: 'twin', no: 1 })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );

    await store.rebuildLoad.finish(['loaded']);

    expect(await store.rebuildLoad.pending(['loaded'])).toBe(false);
    expect(await sideRows('loaded')).toEqual(await sideRows('live'));
    expect(Object.keys(await sideRows('loaded')).sort()).toEqual(['n', 'no', 'o.x', 'tag', 'tags']);
    expect(await layout('loaded')).toEqual(await layout('live'));
    // One GIN and one partial index per distinct path: `tag`, named by two declarations, has one of each.
    const gin = (await layout('live')).filter((index) => index.includes('USING gin'));
    expect(gin).toHaveLength(5);
    expect(gin.filter((index) => index.includes('side(tag)'))).toHaveLength(1);
    for (const filter of FILTERS) {
      expect(await countedFromSides('loaded', filter)).toBe(true);
      expect(await store.collection('loaded').countDocuments(filter)).toBe(
        await store.collection('live').countDocuments(filter),
      );
    }
    // After the load, live writes keep the side tables (the trigger is there).
    for (const name of ['live', 'loaded']) await laterWrites(name);
    expect(await sideRows('loaded')).toEqual(await sideRows('live'));
    expect(await store.collection('loaded').countDocuments({ tags: 'q' })).toBe(1);
  });

  it('is entered only when every collection is absent or empty, and changes nothing otherwise', async () => {
    await store.collection('full').insertOne({ _id: 'one', tag: 'a' });
    await store.collection('empty').createIndex({ tag: 1 });
    expect(await store.rebuildLoad.begin(['empty', 'full', 'absent'])).toBe(false);
    expect(await store.rebuildLoad.pending(['empty', 'full', 'absent'])).toBe(false);
    expect(await store.listCollections()).not.toContain('absent');
    expect((await info('empty'))?.sides.size).toBe(1);

    // An empty collection is dropped into the mode (the projection's setup declares its indexes again).
    expect(await store.rebuildLoad.begin(['empty', 'absent'])).toBe(true);
    expect(await store.rebuildLoad.pending(['empty'])).toBe(true);
    expect(await store.rebuildLoad.pending(['absent'])).toBe(true);
    expect(await store.collection('empty').listIndexes()).toHaveLength(1);
  });

  it('a failure while building leaves the collection loading, with nothing of the build', async () => {
    expect(await store.rebuildLoad.begin(['broken'])).toBe(true);
    await declare('broken');
    await write('broken');
    const catalogue = store.catalogue as unknown as { addSides: (...args: unknown[]) => Promise<void> };
    const addSides = catalogue.addSides;
    catalogue.addSides = async function (this: unknown, ...args: unknown[]) {
      await addSides.apply(this, args);
      throw new Error('the server went away mid-build');
    };
    try {
      await expect(store.rebuildLoad.finish(['broken'])).rejects.toThrow('mid-build');
    } finally {
      catalogue.addSides = addSides;
    }
    expect(await store.rebuildLoad.pending(['broken'])).toBe(true);
    expect((await info('broken'))?.sides.size).toBe(0);
    expect((await layout('broken')).filter((index) => index.includes('declared'))).toHaveLength(1);
    expect(await layout('broken')).not.toContainEqual(expect.stringContaining('trigger'));
    await store.rebuildLoad.finish(['broken']);
    await laterWrites('broken');
    expect(await sideRows('broken')).toEqual(await sideRows('live'));
    expect(await layout('broken')).toEqual(await layout('live'));
  });
});

/** A projection with arrays (repeated values), scalars, a compound index and deletions. */
const summary = (
  name: string,
  collection: string,
  gate?: (position: number) => Promise<void>,
  handled?: number[],
): Projection => ({
  name,
  version: 1,
  collections: [collection],
  filter: { streamPrefixes: ['case-'] },
  async setup(s) {
    const c = s.collection(collection);
    await c.createIndex({ districtId: 1 });
    await c.createIndex({ districtId: 1, status: 1 });
    await c.createIndex({ notes: 1 });
    await c.createIndex({ 'meta.tags': 1 });
  },
  async handle(event, _store, ctx) {
    handled?.push(event.position);
    await gate?.(event.position);
    const data = event.data as { caseId: string; districtId: string; note: string };
    const number = Number(data.caseId.slice('case-'.length));
    if (event.type === 'CaseOpened')
      ctx.guardedUpdate(collection, data.caseId, {
        $set: {
          status: 'open',
          districtId: data.districtId,
          meta: { tags: [data.districtId, 'x', data.districtId] },
        },
      });
    else if (event.type === 'NoteAdded')
      ctx.guardedUpdate(collection, data.caseId, { $push: { notes: data.note } });
    else if (event.type === 'CaseClosed' && number % 2 === 0) ctx.delete(collection, data.caseId);
    else if (event.type === 'CaseClosed')
      ctx.guardedUpdate(collection, data.caseId, { $set: { status: 'closed' } });
  },
});

async function runToHead(
  projection: Projection,
  on: ReadStore,
  events: RecordedEvent[],
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(projection, { store: on, source: eventsSource(events), batchSize: 20 });
  await runner.start();
  await runner.waitUntilCaughtUp();
  return runner;
}

describe('a projection rebuilt in the rebuild mode', () => {
  const events = recorded(caseEvents(400, 60));
  const head = events[events.length - 1]?.position ?? 0;

  it('equals the same events applied live, and a rebuild cut short is done again from scratch', async () => {
    const live = await runToHead(summary('p-live', 'p_live'), withoutRebuildMode(store), events);
    await live.stop();
    expect(await store.rebuildLoad.pending(['p_live'])).toBe(false);

    // A first run stops (as a crash would) with some batches stored, before reaching the head.
    let reached!: () => void;
    const atHalf = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cut = new ProjectionRunner(
      summary('p-load', 'p_load', async (position) => {
        if (position !== 201) return;
        reached();
        await gate;
      }),
      { store, source: eventsSource(events), batchSize: 20 },
    );
    await cut.start();
    await atHalf;
    const stopped = cut.stop();
    release();
    await stopped;
    const saved = await new ProjectionCheckpoints(store).load('p-load');
    expect(saved?.position).toBeGreaterThan(0);
    expect(saved?.position).toBeLessThan(head);
    expect(await store.rebuildLoad.pending(['p_load'])).toBe(true);
    expect((await info('p_load'))?.sides.size).toBe(0);

    // The next start drops it and rebuilds from the first event, in the rebuild mode again.
    const handled: number[] = [];
    const again = await runToHead(summary('p-load', 'p_load', undefined, handled), store, events);
    await again.stop();
    expect(handled[0]).toBe(events.find((e) => e.streamId.startsWith('case-'))?.position);
    expect(again.status().checkpoint).toBe(head);
    expect(await store.rebuildLoad.pending(['p_load'])).toBe(false);
    expect(await store.collection('p_load').find({}, { sort: { _id: 1 } })).toEqual(
      await store.collection('p_live').find({}, { sort: { _id: 1 } }),
    );
    expect(await sideRows('p_load')).toEqual(await sideRows('p_live'));
    expect(Object.keys(await sideRows('p_load')).sort()).toEqual([
      'districtId',
      'meta.tags',
      'notes',
      'status',
    ]);
    expect(await layout('p_load')).toEqual(await layout('p_live'));
    for (const filter of [
      { districtId: 'd1' },
      { 'meta.tags': 'x' },
      { districtId: 'd0', status: 'closed' },
    ]) {
      expect(await countedFromSides('p_load', filter)).toBe(true);
      expect(await store.collection('p_load').countDocuments(filter)).toBe(
        await store.collection('p_live').countDocuments(filter),
      );
    }
  });

  it('a changed version rebuilds its shadow in the rebuild mode and swaps it in built', async () => {
    const first = await runToHead(summary('p-shadow', 'p_shadow'), store, events.slice(0, 200));
    await first.stop();
    const next = { ...summary('p-shadow', 'p_shadow'), version: 2 };
    const runner = new ProjectionRunner(next, { store, source: eventsSource(events), batchSize: 20 });
    await runner.start();
    // The old version serves while the new one loads; caught up, the swap has happened.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        const status = runner.status();
        if (status.version === 2 && status.state === 'live' && status.checkpoint === head) {
          clearInterval(poll);
          resolve();
        } else if (status.lastError) {
          clearInterval(poll);
          reject(new Error(status.lastError));
        }
      }, 20);
    });
    await runner.stop();
    expect(await store.rebuildLoad.pending(['p_shadow'])).toBe(false);
    expect(await sideRows('p_shadow')).toEqual(await sideRows('p_live'));
    expect(await layout('p_shadow')).toEqual(await layout('p_live'));
  });
});
