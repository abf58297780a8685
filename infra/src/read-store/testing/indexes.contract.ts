import { NotFoundError } from '@hotline/contracts';
import { DuplicateKeyError } from '../read-store.errors';
import { rejection, type ContractContext } from './contract-context';

export function indexContract({ fresh, store }: ContractContext): void {
  it('enforces a unique index on insert and update, leaving the store unchanged', async () => {
    const c = fresh();
    expect(await c.createIndex({ caseNo: 1 }, { unique: true })).toBe('caseNo_1');
    await c.insertOne({ _id: 'a', caseNo: 'C-1' });
    await c.insertOne({ _id: 'b', caseNo: 'C-2' });
    expect(await rejection(c.insertOne({ _id: 'c', caseNo: 'C-1' }))).toBeInstanceOf(DuplicateKeyError);
    expect(await rejection(c.updateOne({ _id: 'b' }, { $set: { caseNo: 'C-1' } }))).toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(await c.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', caseNo: 'C-1' },
      { _id: 'b', caseNo: 'C-2' },
    ]);
    await c.updateOne({ _id: 'a' }, { $set: { caseNo: 'C-3' } });
    await c.insertOne({ _id: 'c', caseNo: 'C-1' });
    expect(await c.countDocuments({ caseNo: 'C-1' })).toBe(1);
  });

  it('enforces a compound unique index on the pair of values', async () => {
    const c = fresh();
    await c.createIndex({ districtId: 1, seq: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, districtId: 'd1', seq: 1 },
      { _id: 2, districtId: 'd2', seq: 1 },
    ]);
    expect(await rejection(c.insertOne({ _id: 3, districtId: 'd1', seq: 1 }))).toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('refuses to build a unique index over duplicate values', async () => {
    const c = fresh();
    await c.insertMany([
      { _id: 1, k: 'x' },
      { _id: 2, k: 'x' },
    ]);
    expect(await rejection(c.createIndex({ k: 1 }, { unique: true }))).toBeInstanceOf(DuplicateKeyError);
  });

  it('creates indexes idempotently, lists them with _id_, and drops them', async () => {
    const c = fresh();
    expect(await c.listIndexes()).toEqual([]);
    expect(await c.createIndex({ status: 1, dueAt: -1 })).toBe('status_1_dueAt_-1');
    expect(await c.createIndex({ status: 1, dueAt: -1 })).toBe('status_1_dueAt_-1');
    expect(await c.createIndex({ unitId: 1 }, { name: 'by_unit' })).toBe('by_unit');
    const sorted = (await c.listIndexes()).sort((a, b) => a.name.localeCompare(b.name));
    expect(sorted).toEqual([
      { name: '_id_', key: { _id: 1 }, unique: true },
      { name: 'by_unit', key: { unitId: 1 }, unique: false },
      { name: 'status_1_dueAt_-1', key: { status: 1, dueAt: -1 }, unique: false },
    ]);
    await c.dropIndex('by_unit');
    expect((await c.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'status_1_dueAt_-1']);
    expect(await rejection(c.dropIndex('by_unit'))).toBeInstanceOf(NotFoundError);
  });

  it('finds the same documents through an index, including values inside arrays and missing fields as null', async () => {
    const c = fresh();
    await c.createIndex({ tag: 1 });
    await c.insertMany([{ _id: 1, tag: 'a' }, { _id: 2, tag: ['a', 'b'] }, { _id: 3, tag: 'b' }, { _id: 4 }]);
    const ids = async (filter: Record<string, unknown>) =>
      (await c.find(filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ tag: 'a' })).toEqual([1, 2]);
    expect(await ids({ tag: { $eq: 'b' } })).toEqual([2, 3]);
    expect(await ids({ tag: null })).toEqual([4]);
    await c.updateOne({ _id: 1 }, { $set: { tag: 'c' } });
    await c.deleteOne({ _id: 2 });
    expect(await ids({ tag: 'a' })).toEqual([]);
    expect(await ids({ tag: 'c' })).toEqual([1]);
  });

  it('answers through indexes as MongoDB does: types kept apart, array elements, sorted pages with ties', async () => {
    const c = fresh();
    for (const path of ['k', 'n', 'flag', 'tags', 'at']) await c.createIndex({ [path]: 1 });
    await c.insertMany([
      { _id: 'a', k: 'x', n: 1, flag: true, tags: ['p', 'q'], at: '2024-01-03' },
      { _id: 'b', k: 'x', n: '1', flag: false, tags: 'p', at: '2024-01-01' },
      { _id: 'c', k: 'y', n: true, flag: 1, tags: [5, 20], at: '2024-01-02' },
      { _id: 'd', k: 'x', n: 0, tags: [], at: '2024-01-02' },
      { _id: 'e', k: 'x', n: 2.5, flag: null, at: '2024-01-02' },
    ]);
    const ids = async (filter: Record<string, unknown>) =>
      (await c.find(filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ n: 1 })).toEqual(['a']);
    expect(await ids({ n: '1' })).toEqual(['b']);
    expect(await ids({ n: true })).toEqual(['c']);
    expect(await ids({ flag: 1 })).toEqual(['c']);
    expect(await ids({ flag: false })).toEqual(['b']);
    expect(await ids({ n: { $gte: 1 } })).toEqual(['a', 'e']);
    expect(await ids({ n: { $lt: 'z' } })).toEqual(['b']);
    expect(await ids({ tags: { $gt: 10, $lt: 6 } })).toEqual(['c']);
    expect(await ids({ tags: { $in: ['q', 5] } })).toEqual(['a', 'c']);
    expect(await ids({ k: 'x', tags: 'p' })).toEqual(['a', 'b']);
    expect(await ids({ k: 'x', flag: { $ne: true } })).toEqual(['b', 'd', 'e']);
    const page = await c.find({ k: 'x' }, { sort: { at: -1, _id: -1 }, skip: 1, limit: 2 });
    expect(page.map((d) => d._id)).toEqual(['e', 'd']);
    const first = await c.find({ k: 'x' }, { sort: { at: 1, _id: 1 }, limit: 2 });
    expect(first.map((d) => d._id)).toEqual(['b', 'd']);
    expect(await c.countDocuments({ k: 'x', at: { $gte: '2024-01-02' } })).toBe(3);
    expect(await c.find({ k: 'x' }, { limit: 2 })).toHaveLength(2);
    await c.updateOne({ _id: 'c' }, { $set: { k: 'x' }, $push: { tags: 'p' } });
    await c.deleteOne({ _id: 'a' });
    expect(await ids({ k: 'x', tags: 'p' })).toEqual(['b', 'c']);
  });

  it('lists existing collections sorted; drop removes one; dropping a missing one is fine', async () => {
    const a = fresh();
    const b = fresh();
    await b.insertOne({ _id: 1 });
    await a.createIndex({ k: 1 });
    const names = await store().listCollections();
    expect(names).toEqual(expect.arrayContaining([a.name, b.name]));
    expect(names).toEqual([...names].sort());
    await b.drop();
    await b.drop();
    expect(await store().listCollections()).not.toContain(b.name);
    expect(await b.find({})).toEqual([]);
    await b.insertOne({ _id: 2 });
    expect(await b.find({})).toEqual([{ _id: 2 }]);
  });

  it('renames a collection over another with its documents and indexes (a rebuilt projection swapped in)', async () => {
    const target = store();
    const rename = (from: string, to: string): Promise<void> => {
      if (!target.renameCollection)
        throw new Error('every adapter renames collections (shadow rebuilds need it)');
      return target.renameCollection(from, to);
    };
    const rebuilt = fresh();
    const serving = fresh();
    const empty = fresh();
    await serving.insertMany([
      { _id: 1, v: 'old' },
      { _id: 9, v: 'old' },
    ]);
    await serving.createIndex({ old: 1 });
    await rebuilt.createIndex({ v: 1 });
    await rebuilt.insertMany([
      { _id: 1, v: 'new' },
      { _id: 2, v: 'new' },
    ]);
    await rename(rebuilt.name, serving.name);
    expect(await serving.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 1, v: 'new' },
      { _id: 2, v: 'new' },
    ]);
    expect((await serving.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'v_1']);
    expect(await serving.countDocuments({ v: 'new' })).toBe(2);
    expect(await store().listCollections()).not.toContain(rebuilt.name);
    // A collection never written is an empty one: what the target held goes.
    await rename(empty.name, serving.name);
    expect(await serving.find({})).toEqual([]);
  });
}
