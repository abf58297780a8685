import fc from 'fast-check';
import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing/temporary-database';
import type { Filter, ReadDocument } from '../read-store.port';
import type { PostgresCollection } from './postgres-collection';
import { holdsComplex, indexExpression } from './postgres-catalogue';
import { PostgresReadStore } from './postgres-read-store';
import type * as sideTables from './postgres-side-tables';

let database: TemporaryDatabase;
let store: PostgresReadStore;

beforeAll(async () => {
  database = await createTemporaryDatabase('read_store_side');
  store = await PostgresReadStore.open({ url: database.url });
});

afterAll(async () => {
  await store.close();
  await database.drop();
});

const explained = (name: string, filter: Filter, on = store) =>
  (on.collection(name) as unknown as PostgresCollection).explain(filter);

/** Whether the count of `filter` in `name` reads side tables only. */
async function countedFromSides(name: string, filter: Filter, on = store): Promise<boolean> {
  const { count } = await explained(name, filter, on);
  return count.some((step) => / rs_d\d+_s\d+/.test(step)) && !count.some((step) => / on rs_d\d+ /.test(step));
}

const PATHS = ['tag', 'n', 'o.x'] as const;
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 1, 2, 2.5, true, false, null),
  fc.constant(['a', 'b']),
  fc.constant([1, 'a', 'a']),
  fc.constant([[1]]),
  fc.constant({ x: 1 }),
  fc.constant([]),
);
const document = fc.record(
  { tag: value, n: value, o: fc.oneof(fc.record({ x: value }, { requiredKeys: [] }), value) },
  { requiredKeys: [] },
);
const scalar = fc.constantFrom('a', 'b', 1, 2, true);
const condition = fc.oneof(
  scalar,
  scalar.map(($eq) => ({ $eq })),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map(($in) => ({ $in })),
  fc.array(scalar, { minLength: 1, maxLength: 2 }).map(($all) => ({ $all })),
  fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), scalar).map(([op, v]) => ({ [op]: v })),
  fc.record({ $gte: fc.constantFrom(1, 'a'), $lt: fc.constantFrom(2, 'b') }),
);
const clause: fc.Arbitrary<Filter> = fc.dictionary(fc.constantFrom(...PATHS), condition, {
  minKeys: 1,
  maxKeys: 2,
});
const filter: fc.Arbitrary<Filter> = fc.oneof(
  clause,
  fc.tuple(clause, clause).map(([a, b]) => ({ $and: [a, b] })),
  fc.tuple(clause, clause).map(([a, b]) => ({ $or: [a, b] })),
  fc.tuple(clause, clause, clause).map(([a, b, c]) => ({ ...a, $nor: [b, c] })),
);

/** Side counts equal `find`'s length for random documents and filters. */
async function countsMatchFind(on: PostgresReadStore, runs: number): Promise<void> {
  const cases = on.collection('mixed');
  for (const path of PATHS) await cases.createIndex({ [path]: 1 });
  let round = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(document, { maxLength: 12 }),
      fc.array(filter, { minLength: 1, maxLength: 4 }),
      async (docs, filters) => {
        await cases.deleteMany({});
        if (docs.length > 0)
          await cases.insertMany(docs.map((doc, i) => ({ _id: `r${round}-${i}`, ...doc })));
        round++;
        for (const f of filters) {
          expect(await countedFromSides('mixed', f, on)).toBe(true);
          expect(await cases.countDocuments(f)).toBe((await cases.find(f)).length);
        }
      },
    ),
    { numRuns: runs },
  );
}

/** Side tables follow every kind of write. */
async function staysCurrent(on: PostgresReadStore): Promise<void> {
  const tasks = on.collection<ReadDocument & { units?: unknown; state?: string }>('tasks');
  await tasks.createIndex({ units: 1 });
  await tasks.createIndex({ state: 1 }, { unique: true });
  await tasks.insertMany([
    { _id: 't1', units: ['u1', 'u2'], state: 'open' },
    { _id: 't2', units: 'u1', state: 'done' },
  ]);
  expect(await tasks.countDocuments({ units: 'u1' })).toBe(2);
  await tasks.updateOne({ _id: 't2' }, { $set: { units: ['u3'] } });
  await tasks.bulkWrite([
    {
      updateOne: {
        filter: { _id: 't3' },
        update: { $set: { units: ['u1', 'u1'], state: 'new' } },
        upsert: true,
      },
    },
    { deleteOne: { filter: { _id: 't1' } } },
  ]);
  // A second document in state `new` breaks the unique index: refused, and the side tables unchanged.
  await expect(tasks.insertOne({ _id: 't4', units: ['u1'], state: 'new' })).rejects.toThrow();
  expect(await tasks.countDocuments({ units: 'u1' })).toBe(1);
  expect(await tasks.countDocuments({ units: { $in: ['u1', 'u3'] } })).toBe(2);
  expect(await tasks.countDocuments({ state: { $gte: 'd' } })).toBe(2);
  expect(await countedFromSides('tasks', { units: { $in: ['u1', 'u3'] } }, on)).toBe(true);
  await tasks.dropIndex('units_1');
  expect(await countedFromSides('tasks', { units: 'u1' }, on)).toBe(false);
  expect(await tasks.countDocuments({ units: 'u1' })).toBe(1);
  expect(await countedFromSides('tasks', { state: 'new' }, on)).toBe(true);
}

describe('counts from side tables on PostgreSQL', () => {
  it('count the documents that find returns, for any documents and filter the side tables answer', () =>
    countsMatchFind(store, 60));

  it('stay current through inserts, updates, bulk writes, deletes and a refused write', () =>
    staysCurrent(store));

  it('never fetches from the heap once vacuumed: an index-only scan of the side table, no document read', async () => {
    const cases = store.collection('vacuumed');
    await cases.createIndex({ categoryPath: 1 });
    await cases.insertMany(
      Array.from({ length: 3_000 }, (_, i) => ({
        _id: `c${i}`,
        categoryPath: [`0${i % 3}0000`, `0${i % 3}0${i % 7}00`],
        text: '市民反映'.repeat(100),
      })),
    );
    await store.pool.query('VACUUM (ANALYZE)');
    const { count } = await explained('vacuumed', { categoryPath: '000000' });
    const [{ sql, values }] = [await countStatementOf('vacuumed', { categoryPath: '000000' })];
    const analysed = (
      await store.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${sql}`, values)
    ).map((row) => row['QUERY PLAN']);
    expect(count.some((step) => /Index Only Scan using rs_d\d+_s\d+_pkey on rs_d\d+_s\d+ /.test(step))).toBe(
      true,
    );
    expect(analysed.filter((step) => /Heap Fetches/.test(step))).toEqual([
      expect.stringMatching(/Heap Fetches: 0$/),
    ]);
    expect(analysed.filter((step) => / on rs_d\d+ /.test(step))).toEqual([]);
    expect(await cases.countDocuments({ categoryPath: '000000' })).toBe(1_000);
  });

  it('are made and filled at open for a database written before them', async () => {
    const old = store.collection('old');
    await old.createIndex({ tag: 1 });
    await old.createIndex({ tag: 1, n: -1 });
    await old.insertMany([
      { _id: 1, tag: ['x', 'y'], n: 1 },
      { _id: 2, tag: 'x', n: 2 },
      { _id: 3, n: 3 },
    ]);
    // The layout before side tables: no catalogue of them, no trigger, no side table, and a GIN
    // and a partial index per declared index and path (not one of each per path).
    const sides = await store.pool.query<{ table: string; docs: string }>(
      "SELECT 'rs_d' || collection || '_s' || id AS table, 'rs_d' || collection AS docs FROM rs_sides",
    );
    for (const { table } of sides) {
      await store.pool.query(`DROP INDEX ${table}_g`);
      await store.pool.query(`DROP INDEX ${table}_c`);
      await store.pool.query(`DROP TABLE ${table}`);
    }
    const declared = await store.pool.query<{ collection: number; id: number; key: string }>(
      'SELECT collection, id, key FROM rs_indexes',
    );
    for (const index of declared) {
      const paths = Object.keys(JSON.parse(index.key) as object).filter((path) => path !== '_id');
      for (const [k, path] of paths.entries()) {
        const [docs, name] = [`rs_d${index.collection}`, `rs_d${index.collection}_x${index.id}`];
        await store.pool.query(`CREATE INDEX ${name}_g${k} ON ${docs} USING gin (${indexExpression(path)})`);
        await store.pool.query(
          `CREATE INDEX ${name}_c${k} ON ${docs} (jsonb_typeof(${indexExpression(path)})) WHERE ${holdsComplex(path)}`,
        );
      }
    }
    const docs = await store.pool.query<{ table: string }>(
      "SELECT 'rs_d' || id AS table FROM rs_collections",
    );
    for (const { table } of docs) await store.pool.query(`DROP FUNCTION IF EXISTS ${table}_sync() CASCADE`);
    await store.pool.query('DROP TABLE rs_sides');
    await store.close();
    store = await PostgresReadStore.open({ url: database.url });
    const indexes = (
      await store.pool.query<{ name: string }>(
        "SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'rs\\_d%'",
      )
    ).map((row) => row.name);
    expect(indexes.filter((name) => /_x\d+_[gc]\d+$/.test(name))).toEqual([]);
    const paths = await store.pool.query<{ table: string }>(
      "SELECT 'rs_d' || collection || '_s' || id AS table FROM rs_sides",
    );
    expect(indexes.filter((name) => /_s\d+_[gc]$/.test(name)).sort()).toEqual(
      paths.flatMap(({ table }) => [`${table}_c`, `${table}_g`]).sort(),
    );
    expect(await countedFromSides('old', { tag: 'x', n: { $gte: 2 } })).toBe(true);
    expect(await store.collection('old').countDocuments({ tag: 'x' })).toBe(2);
    expect(await store.collection('old').countDocuments({ tag: 'x', n: { $gte: 2 } })).toBe(1);
    await store.collection('old').insertOne({ _id: 4, tag: ['x'], n: 4 });
    expect(await store.collection('old').countDocuments({ tag: 'x', n: { $gte: 2 } })).toBe(2);
    expect(await countedFromSides('mixed', { tag: 'a' })).toBe(true);
  });
});

describe('side tables kept by a row trigger, on servers without transition tables (openGauss)', () => {
  let rowDatabase: TemporaryDatabase;
  let rowStore: PostgresReadStore;

  beforeAll(async () => {
    rowDatabase = await createTemporaryDatabase('read_store_side_rows');
    rowStore = await PostgresReadStore.open({ url: rowDatabase.url });
    // The server here has transition tables: the catalogue is told, before any collection, it has not.
    (rowStore.catalogue as unknown as { features: sideTables.SideFeatures }).features = {
      insertVacuum: false,
      statements: false,
    };
  });

  afterAll(async () => {
    await rowStore.close();
    await rowDatabase.drop();
  });

  it('count what find returns and follow every kind of write', async () => {
    await countsMatchFind(rowStore, 20);
    await staysCurrent(rowStore);
    const triggers = await rowStore.pool.query<{ level: string }>(
      "SELECT CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END AS level FROM pg_trigger WHERE tgname LIKE 'rs\\_d%\\_sync%'",
    );
    expect(new Set(triggers.map((t) => t.level))).toEqual(new Set(['row']));
  });
});

describe('which declared paths hold arrays, probed on PostgreSQL', () => {
  it('is asked on the snapshot the query reads: a document that becomes an array in between is still found', async () => {
    const racing = store.collection('racing');
    await racing.createIndex({ tag: 1 });
    await racing.createIndex({ kind: 1 });
    await racing.insertMany([
      { _id: 'r1', tag: 'a' },
      { _id: 'r2', kind: 'k' },
    ]);
    const other = await PostgresReadStore.open({ url: database.url });
    let change: () => Promise<unknown> = async () => undefined;
    const probe = store.catalogue.complexPaths.bind(store.catalogue);
    // Another connection commits a change after the probe has answered, before the query runs.
    const spy = jest.spyOn(store.catalogue, 'complexPaths').mockImplementation(async (...args) => {
      const found = await probe(...args);
      await change();
      return found;
    });
    try {
      change = () => other.collection('racing').updateOne({ _id: 'r1' }, { $set: { tag: ['a', 'b'] } });
      expect((await racing.find({ tag: 'a' })).map((doc) => doc._id)).toEqual(['r1']);
      // `$exists` is not answered by the side tables: this count reads the documents, after the probe.
      change = () => other.collection('racing').updateOne({ _id: 'r2' }, { $set: { kind: ['k', 'z'] } });
      expect(await racing.countDocuments({ kind: 'k', n: { $exists: false } })).toBe(1);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
      await other.close();
    }
    // The next reads see the arrays, and find them through the general translation.
    expect(await racing.countDocuments({ tag: 'b' })).toBe(1);
    expect((await racing.find({ kind: 'k', n: { $exists: false } })).map((doc) => doc._id)).toEqual(['r2']);
  });
});

async function countStatementOf(name: string, filter: Filter): Promise<{ sql: string; values: unknown[] }> {
  const collection = store.collection(name) as unknown as PostgresCollection;
  return store.snapshot(async (x) => {
    const info = await store.catalogue.find(x, name);
    if (!info) throw new Error(`no collection ${name}`);
    return collection.countStatement(x, info, filter);
  });
}
