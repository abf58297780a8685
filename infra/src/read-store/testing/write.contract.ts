import { ValidationError } from '@hotline/contracts';
import { DuplicateKeyError } from '../read-store.errors';
import { rejection, type ContractContext } from './contract-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function writeContract({ fresh }: ContractContext): void {
  it('stores a copy: changing the inserted object or a found one changes nothing stored', async () => {
    const c = fresh();
    const doc = { _id: 'a', n: 1, tags: ['x'], nested: { k: 'v' } };
    await c.insertOne(doc);
    doc.tags.push('y');
    doc.nested.k = 'changed';
    const found = await c.findOne<{ tags: string[] }>({ _id: 'a' });
    expect(found).toEqual({ _id: 'a', n: 1, tags: ['x'], nested: { k: 'v' } });
    found?.tags.push('z');
    expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1, tags: ['x'], nested: { k: 'v' } });
  });

  it('gives a document inserted without _id a UUID string id, and keeps numeric ids as numbers', async () => {
    const c = fresh();
    const { insertedId } = await c.insertOne({ name: 'no id' });
    expect(insertedId).toMatch(UUID);
    expect(await c.findOne({ _id: insertedId })).toEqual({ _id: insertedId, name: 'no id' });
    await c.insertOne({ _id: 42, name: 'number' });
    expect(await c.findOne({ _id: 42 })).toEqual({ _id: 42, name: 'number' });
    expect(await c.findOne({ _id: '42' })).toBeNull();
  });

  it('drops undefined properties as JSON does', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', kept: 1, gone: undefined });
    expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', kept: 1 });
  });

  it('refuses a second document with the same _id and keeps the first', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', v: 1 });
    const error = await rejection(c.insertOne({ _id: 'a', v: 2 }));
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error).toMatchObject({ kind: 'conflict', code: 'DUPLICATE_KEY', collection: c.name });
    expect(await c.find({})).toEqual([{ _id: 'a', v: 1 }]);
  });

  it('inserts many in order and stops at the first duplicate, keeping those before it', async () => {
    const c = fresh();
    const ok = await c.insertMany([{ _id: 'a' }, { _id: 'b' }]);
    expect(ok).toEqual({ insertedCount: 2, insertedIds: ['a', 'b'] });
    const error = await rejection(c.insertMany([{ _id: 'c' }, { _id: 'a' }, { _id: 'd' }]));
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error.operationIndex).toBe(1);
    expect((await c.find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'b', 'c']);
  });

  it('updates one document with $set, $inc, $push and $unset on top-level and dotted paths', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', n: 1, list: [1], stats: { open: 2 }, old: true });
    await c.insertOne({ _id: 'b', n: 1 });
    const result = await c.updateOne(
      { _id: 'a' },
      {
        $set: { name: 'A', 'stats.closed': 1 },
        $inc: { n: 2, 'stats.open': -1, fresh: 5 },
        $push: { list: 2 },
        $unset: { old: '' },
      },
    );
    expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    expect(await c.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      n: 3,
      fresh: 5,
      list: [1, 2],
      stats: { open: 1, closed: 1 },
      name: 'A',
    });
    expect(await c.findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 1 });
  });

  it('pushes several values in order with $each', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', list: ['x'] });
    await c.updateOne(
      { _id: 'a' },
      { $push: { list: { $each: ['y', 'z'] }, other: { at: '2024-01-01T00:00:00Z' } } },
    );
    expect(await c.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      list: ['x', 'y', 'z'],
      other: [{ at: '2024-01-01T00:00:00Z' }],
    });
  });

  it('reports no modification when a $set writes the value already there', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', v: 1 });
    expect(await c.updateOne({ _id: 'a' }, { $set: { v: 1 } })).toEqual({
      matchedCount: 1,
      modifiedCount: 0,
      upsertedId: null,
    });
  });

  it('updates a document found by _id as any other: no-ops, $inc of a null refused, $setOnInsert ignored', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', day: '2026-06-01', n: 2, z: null, tags: { x: 1, y: 2 } });
    // (FerretDB counts a write of the same values as a modification: not compared here.)
    const same = await c.updateOne({ _id: 'a' }, { $set: { tags: { x: 1, y: 2 } }, $inc: { n: 0 } });
    expect(same.matchedCount).toBe(1);
    expect(await rejection(c.updateOne({ _id: 'a' }, { $set: { day: 'x' }, $inc: { z: 1 } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await c.updateOne(
        { _id: { $eq: 'a' } },
        { $set: { day: '2026-06-02' }, $inc: { n: 3, fresh: 0 }, $setOnInsert: { created: true } },
        { upsert: true },
      ),
    ).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    expect(await c.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      day: '2026-06-02',
      n: 5,
      z: null,
      tags: { x: 1, y: 2 },
      fresh: 0,
    });
  });

  it('changes nothing when nothing matches and upsert is off', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', v: 1 });
    expect(await c.updateOne({ _id: 'b' }, { $set: { v: 2 } })).toEqual({
      matchedCount: 0,
      modifiedCount: 0,
      upsertedId: null,
    });
    expect(await c.updateMany({ v: 9 }, { $set: { v: 2 } })).toEqual({
      matchedCount: 0,
      modifiedCount: 0,
      upsertedId: null,
    });
    expect(await c.find({})).toEqual([{ _id: 'a', v: 1 }]);
  });

  it('upserts from the filter equalities plus $setOnInsert, which applies only on insert', async () => {
    const c = fresh();
    const first = await c.updateOne(
      { _id: 'day-1', districtId: 'd1' },
      { $inc: { count: 1 }, $setOnInsert: { createdAt: '2024-05-01T08:00:00.000Z' } },
      { upsert: true },
    );
    expect(first).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'day-1' });
    const second = await c.updateOne(
      { _id: 'day-1', districtId: 'd1' },
      { $inc: { count: 1 }, $setOnInsert: { createdAt: 'later' } },
      { upsert: true },
    );
    expect(second).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    expect(await c.findOne({ _id: 'day-1' })).toEqual({
      _id: 'day-1',
      districtId: 'd1',
      count: 2,
      createdAt: '2024-05-01T08:00:00.000Z',
    });
  });

  it('gives an upsert without _id in its filter a UUID string id', async () => {
    const c = fresh();
    const { upsertedId } = await c.updateOne(
      { caseNo: 'C-1' },
      { $set: { status: 'open' } },
      { upsert: true },
    );
    expect(upsertedId).toMatch(UUID);
    expect(await c.find({})).toEqual([{ _id: upsertedId, caseNo: 'C-1', status: 'open' }]);
  });

  it('fails an upsert whose _id is taken by a document the rest of the filter excludes (the projection guard)', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', _pos: 7, n: 1 });
    const guard = (pos: number) => ({ _id: 'a', _pos: { $not: { $gte: pos } } });
    const error = await rejection(
      c.updateOne(guard(5), { $set: { _pos: 5 }, $inc: { n: 1 } }, { upsert: true }),
    );
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', _pos: 7, n: 1 });
    expect(
      await c.updateOne(guard(8), { $set: { _pos: 8 }, $inc: { n: 1 } }, { upsert: true }),
    ).toMatchObject({ matchedCount: 1 });
    await c.insertOne({ _id: 'b', n: 1 });
    expect(
      await c.updateOne({ _id: 'b', _pos: { $not: { $gte: 3 } } }, { $set: { _pos: 3 } }, { upsert: true }),
    ).toMatchObject({ matchedCount: 1 });
    expect(await c.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', _pos: 8, n: 2 },
      { _id: 'b', _pos: 3, n: 1 },
    ]);
  });

  it('updates every match with updateMany, and upserts one document when none matches', async () => {
    const c = fresh();
    await c.insertMany([
      { _id: 'a', unit: 'u1', n: 0 },
      { _id: 'b', unit: 'u1', n: 0 },
      { _id: 'c', unit: 'u2', n: 0 },
    ]);
    expect(await c.updateMany({ unit: 'u1' }, { $inc: { n: 1 }, $set: { meta: { seen: true } } })).toEqual({
      matchedCount: 2,
      modifiedCount: 2,
      upsertedId: null,
    });
    await c.updateOne({ _id: 'a' }, { $set: { 'meta.seen': false } });
    expect(await c.findOne({ _id: 'b' })).toEqual({ _id: 'b', unit: 'u1', n: 1, meta: { seen: true } });
    const upserted = await c.updateMany({ unit: 'u3' }, { $set: { n: 5 } }, { upsert: true });
    expect(upserted.upsertedId).toMatch(UUID);
    expect(await c.countDocuments({ unit: 'u3', n: 5 })).toBe(1);
  });

  it('deletes one or many matching documents and says how many', async () => {
    const c = fresh();
    await c.insertMany([
      { _id: 1, k: 'x' },
      { _id: 2, k: 'x' },
      { _id: 3, k: 'y' },
      { _id: 4, k: 'x' },
    ]);
    expect(await c.deleteOne({ k: 'x' })).toEqual({ deletedCount: 1 });
    expect(await c.countDocuments({ k: 'x' })).toBe(2);
    expect(await c.deleteMany({ k: 'x' })).toEqual({ deletedCount: 2 });
    expect(await c.deleteMany({ k: 'nothing' })).toEqual({ deletedCount: 0 });
    expect(await c.find({})).toEqual([{ _id: 3, k: 'y' }]);
  });

  it('runs a bulk write in order and totals its results', async () => {
    const c = fresh();
    const result = await c.bulkWrite([
      { insertOne: { document: { _id: 'a', n: 1 } } },
      { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } } } },
      { updateOne: { filter: { _id: 'b' }, update: { $inc: { n: 1 } }, upsert: true } },
      { updateMany: { filter: { n: { $gte: 1 } }, update: { $set: { seen: true } } } },
      { insertOne: { document: { _id: 'c' } } },
      { deleteOne: { filter: { _id: 'c' } } },
      { deleteMany: { filter: { _id: 'zzz' } } },
    ]);
    expect(result).toEqual({
      insertedCount: 2,
      matchedCount: 3,
      modifiedCount: 3,
      upsertedCount: 1,
      deletedCount: 1,
    });
    expect(await c.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', n: 2, seen: true },
      { _id: 'b', n: 1, seen: true },
    ]);
  });

  it('stops a bulk write at a duplicate key, keeping the operations before it and skipping those after', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'taken' });
    const error = await rejection(
      c.bulkWrite([
        { updateOne: { filter: { _id: 'x' }, update: { $set: { v: 1 } }, upsert: true } },
        { insertOne: { document: { _id: 'taken' } } },
        { updateOne: { filter: { _id: 'y' }, update: { $set: { v: 1 } }, upsert: true } },
      ]),
    );
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error.operationIndex).toBe(1);
    expect((await c.find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['taken', 'x']);
  });

  it('runs a bulk write of hundreds of operations on a few documents, reporting a late duplicate by its index', async () => {
    const c = fresh();
    const ops = Array.from({ length: 250 }, (_, i) => ({
      updateOne: {
        filter: { _id: `d${i % 7}`, _pos: { $not: { $gte: i + 1 } } },
        update: { $set: { _pos: i + 1 }, $inc: { n: 1 } },
        upsert: true,
      },
    }));
    expect(await c.bulkWrite(ops)).toEqual({
      insertedCount: 0,
      matchedCount: 243,
      modifiedCount: 243,
      upsertedCount: 7,
      deletedCount: 0,
    });
    expect(await c.countDocuments({ n: { $gte: 35 } })).toBe(7);
    const again = await rejection(
      c.bulkWrite([
        ...ops.slice(0, 40).map(() => ({ deleteMany: { filter: { _id: 'none' } } })),
        ops[0] as never,
      ]),
    );
    expect(again).toBeInstanceOf(DuplicateKeyError);
    expect(again.operationIndex).toBe(40);
  });

  it('refuses $inc on a field that is not a number and $push onto one that is not an array, changing nothing', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'a', s: 'text', n: 1 });
    expect(await rejection(c.updateOne({ _id: 'a' }, { $inc: { s: 1 } }))).toBeInstanceOf(ValidationError);
    expect(await rejection(c.updateOne({ _id: 'a' }, { $push: { n: 2 } }))).toBeInstanceOf(ValidationError);
    expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', s: 'text', n: 1 });
  });
}
