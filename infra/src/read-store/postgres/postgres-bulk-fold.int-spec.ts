import fc from 'fast-check';
import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing/temporary-database';
import type { BulkWriteOperation } from '../read-store.port';
import { PostgresReadStore } from './postgres-read-store';

let database: TemporaryDatabase;
let store: PostgresReadStore;

beforeAll(async () => {
  database = await createTemporaryDatabase('read_store_fold');
  store = await PostgresReadStore.open({ url: database.url });
});

afterAll(async () => {
  await store.close();
  await database.drop();
});

/** Counts the statements the store sends inside its transactions while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const transaction = store.pool.transaction.bind(store.pool);
  const spy = jest.spyOn(store.pool, 'transaction').mockImplementation((inner) =>
    transaction((tx) =>
      inner({
        query: (sql, params) => {
          count++;
          return tx.query(sql, params);
        },
      }),
    ),
  );
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return count;
}

const ids = fc.constantFrom('a', 'b', 'c', 7);
const paths = fc.constantFrom('n', 's', 'list', 'o.x', 'o.y', 'o');
const values = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('t', null, true), fc.constant([1]));
const update = fc
  .record(
    {
      $set: fc.dictionary(paths, values, { maxKeys: 1 }),
      $inc: fc.dictionary(paths, fc.integer({ min: -3, max: 3 }), { maxKeys: 1 }),
      $push: fc.dictionary(
        paths,
        fc.oneof(values, fc.record({ $each: fc.array(values, { maxLength: 2 }) })),
        {
          maxKeys: 1,
        },
      ),
      $unset: fc.dictionary(paths, fc.constant(''), { maxKeys: 1 }),
      $setOnInsert: fc.dictionary(paths, values, { maxKeys: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((u) => Object.fromEntries(Object.entries(u).filter(([, fields]) => Object.keys(fields).length > 0)))
  .filter((u) => {
    const all = Object.values(u).flatMap((fields) => Object.keys(fields));
    const overlap = all.some((a, i) => all.some((b, j) => i !== j && (a === b || a.startsWith(`${b}.`))));
    return all.length > 0 && !overlap;
  });
const operation: fc.Arbitrary<BulkWriteOperation> = fc.oneof(
  fc.record({ updateOne: fc.record({ filter: ids.map((_id) => ({ _id })), update, upsert: fc.boolean() }) }),
  fc.record({ updateMany: fc.record({ filter: ids.map((_id) => ({ _id })), update }) }),
  fc.record({ deleteOne: fc.record({ filter: ids.map((_id) => ({ _id })) }) }),
  fc.record({ insertOne: fc.record({ document: fc.record({ _id: ids, n: values }) }) }),
);
const seeds = fc.uniqueArray(
  fc.record({ _id: ids, n: values, s: values, o: fc.oneof(values, fc.record({ x: values })) }),
  { selector: (d) => d._id, maxLength: 3 },
);

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (result) => ({ result }),
    (error: unknown) => ({
      error: (error as Error).constructor.name,
      index: (error as { operationIndex?: number }).operationIndex,
    }),
  );

describe('PostgreSQL read store: folded bulk writes', () => {
  it('answers and stores what the ordered per-operation path does, for any bulk write of `_id` operations', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(seeds, fc.array(operation, { minLength: 1, maxLength: 8 }), async (seed, ops) => {
        run++;
        const folded = store.collection(`fold_${run}`);
        // A unique index (on a field no document has) keeps the fold away: the reference.
        const ordered = store.collection(`ordered_${run}`);
        await ordered.createIndex({ none: 1 }, { unique: true });
        if (seed.length > 0) {
          await folded.insertMany(seed);
          await ordered.insertMany(seed);
        }
        expect(await outcome(folded.bulkWrite(ops))).toEqual(await outcome(ordered.bulkWrite(ops)));
        expect(await folded.find({}, { sort: { _id: 1 } })).toEqual(
          await ordered.find({}, { sort: { _id: 1 } }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('writes a batch of hundreds of `_id` upserts in a handful of statements', async () => {
    const cases = store.collection('fold_cases');
    await cases.createIndex({ status: 1 });
    const ops: BulkWriteOperation[] = Array.from({ length: 300 }, (_, i) => ({
      updateOne: {
        filter: { _id: `case-${i % 40}` },
        update: { $set: { status: i % 3 === 0 ? 'open' : 'signed', _pos: i + 1 }, $inc: { events: 1 } },
        upsert: true,
      },
    }));
    const first = await statementsOf(() => cases.bulkWrite(ops.slice(0, 150)));
    const second = await statementsOf(() => cases.bulkWrite(ops.slice(150)));
    // BEGIN, SELECT … FOR UPDATE, INSERT (then UPDATE), COMMIT; the catalogue's lookups come once.
    expect(first).toBeLessThanOrEqual(8);
    expect(second).toBeLessThanOrEqual(5);
    expect(await cases.countDocuments({ events: { $gte: 7 } })).toBe(40);
    expect(await cases.findOne({ _id: 'case-0' })).toEqual({
      _id: 'case-0',
      status: 'signed',
      _pos: 281,
      events: 8,
    });
  });

  it('leaves a bulk write with a unique index to the ordered path, which names the failing operation', async () => {
    const units = store.collection('fold_units');
    await units.createIndex({ code: 1 }, { unique: true });
    await units.insertOne({ _id: 'u1', code: 'A' });
    const error = await units
      .bulkWrite([
        { updateOne: { filter: { _id: 'u2' }, update: { $set: { code: 'B' } }, upsert: true } },
        { updateOne: { filter: { _id: 'u3' }, update: { $set: { code: 'A' } }, upsert: true } },
      ])
      .catch((e: unknown) => e as { operationIndex?: number; name: string });
    expect(error).toMatchObject({ operationIndex: 1 });
    expect((await units.find({}, { sort: { _id: 1 } })).map((u) => u._id)).toEqual(['u1', 'u2']);
  });
});
