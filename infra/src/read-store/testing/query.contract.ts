import type { ReadCollection } from '../read-store.port';
import type { ContractContext } from './contract-context';

const CASES = [
  {
    _id: 'c1',
    status: 'open',
    priority: 3,
    districtId: 'd1',
    tags: ['water', 'urgent'],
    citizen: { name: 'Li' },
    dueAt: '2024-05-02T00:00:00Z',
  },
  {
    _id: 'c2',
    status: 'closed',
    priority: 1,
    districtId: 'd1',
    tags: ['noise'],
    citizen: { name: 'Wang' },
    dueAt: '2024-05-01T00:00:00Z',
  },
  {
    _id: 'c3',
    status: 'open',
    priority: 2,
    districtId: 'd2',
    tags: [],
    citizen: { name: 'zhang' },
    dueAt: '2024-05-03T00:00:00Z',
  },
  {
    _id: 'c4',
    status: 'open',
    priority: 5,
    districtId: 'd2',
    tags: ['water'],
    note: null,
    dueAt: '2024-04-30T00:00:00Z',
  },
  {
    _id: 'c5',
    status: 'pending',
    priority: 4,
    districtId: 'd3',
    tags: ['noise', 'water'],
    citizen: { name: 'Zhao' },
  },
];

/** Every path the queries below name: the same answers must come through indexes as without. */
const INDEXED = ['status', 'priority', 'districtId', 'tags', 'citizen.name', 'citizen', 'dueAt', 'note'];

export function queryContract({ fresh }: ContractContext, options: { indexed?: boolean } = {}): void {
  let c: ReadCollection;
  const ids = async (filter: Record<string, unknown>): Promise<unknown[]> =>
    (await c.find(filter, { sort: { _id: 1 } })).map((d) => d._id);

  beforeAll(async () => {
    c = fresh();
    if (options.indexed) for (const path of INDEXED) await c.createIndex({ [path]: 1 });
    await c.insertMany(CASES);
  });

  it('matches equality, comparisons, $ne, $in and $nin', async () => {
    expect(await ids({ status: 'open' })).toEqual(['c1', 'c3', 'c4']);
    expect(await ids({ priority: { $gt: 2, $lte: 4 } })).toEqual(['c1', 'c5']);
    expect(await ids({ priority: { $gte: 5 } })).toEqual(['c4']);
    expect(await ids({ priority: { $lt: 2 } })).toEqual(['c2']);
    expect(await ids({ status: { $ne: 'open' } })).toEqual(['c2', 'c5']);
    expect(await ids({ districtId: { $in: ['d2', 'd3'] } })).toEqual(['c3', 'c4', 'c5']);
    expect(await ids({ districtId: { $nin: ['d1', 'd2'] } })).toEqual(['c5']);
    expect(await ids({ _id: { $in: ['c2', 'c4', 'nope'] } })).toEqual(['c2', 'c4']);
  });

  it('compares ISO date strings in time order', async () => {
    expect(await ids({ dueAt: { $lt: '2024-05-02T00:00:00Z' } })).toEqual(['c2', 'c4']);
  });

  it('follows dotted paths and matches array elements', async () => {
    expect(await ids({ 'citizen.name': 'Li' })).toEqual(['c1']);
    expect(await ids({ tags: 'water' })).toEqual(['c1', 'c4', 'c5']);
    expect(await ids({ tags: { $all: ['water', 'noise'] } })).toEqual(['c5']);
    expect(await ids({ tags: { $size: 0 } })).toEqual(['c3']);
    expect(await ids({ tags: { $elemMatch: { $in: ['urgent', 'noise'] } } })).toEqual(['c1', 'c2', 'c5']);
  });

  it('treats null as missing-or-null and tests presence with $exists', async () => {
    expect(await ids({ note: null })).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(await ids({ note: { $exists: true } })).toEqual(['c4']);
    expect(await ids({ citizen: { $exists: false } })).toEqual(['c4']);
    expect(await ids({ dueAt: { $not: { $gte: '2024-05-02T00:00:00Z' } } })).toEqual(['c2', 'c4', 'c5']);
  });

  it('combines conditions with $and, $or and $nor', async () => {
    expect(await ids({ $or: [{ priority: 1 }, { districtId: 'd3' }] })).toEqual(['c2', 'c5']);
    expect(await ids({ $and: [{ status: 'open' }, { districtId: 'd2' }] })).toEqual(['c3', 'c4']);
    expect(await ids({ $nor: [{ status: 'open' }, { priority: 4 }] })).toEqual(['c2']);
  });

  it('matches a $regex with $options', async () => {
    expect(await ids({ 'citizen.name': { $regex: '^z', $options: 'i' } })).toEqual(['c3', 'c5']);
    expect(await ids({ 'citizen.name': { $regex: '^Z' } })).toEqual(['c5']);
  });

  it('sorts on one or more keys, then skips and limits', async () => {
    const byPriority = await c.find({}, { sort: { priority: -1 } });
    expect(byPriority.map((d) => d._id)).toEqual(['c4', 'c5', 'c1', 'c3', 'c2']);
    const paged = await c.find({}, { sort: { districtId: 1, priority: -1 }, skip: 1, limit: 3 });
    expect(paged.map((d) => d._id)).toEqual(['c2', 'c4', 'c3']);
    expect((await c.find({ status: 'open' }, { limit: 10, sort: { _id: -1 } })).map((d) => d._id)).toEqual([
      'c4',
      'c3',
      'c1',
    ]);
  });

  it('projects by inclusion or exclusion', async () => {
    expect(await c.find({ _id: 'c1' }, { projection: { status: 1, 'citizen.name': 1 } })).toEqual([
      { _id: 'c1', status: 'open', citizen: { name: 'Li' } },
    ]);
    expect(await c.find({ _id: 'c2' }, { projection: { _id: 0, priority: 1 } })).toEqual([{ priority: 1 }]);
    expect(await c.find({ _id: 'c4' }, { projection: { tags: 0, note: 0, dueAt: 0 } })).toEqual([
      { _id: 'c4', status: 'open', priority: 5, districtId: 'd2' },
    ]);
  });

  it('finds one by sort order, or null', async () => {
    expect(await c.findOne({ status: 'open' }, { sort: { priority: 1 } })).toMatchObject({ _id: 'c3' });
    expect(await c.findOne({ status: 'archived' })).toBeNull();
  });

  it('counts matching documents', async () => {
    expect(await c.countDocuments()).toBe(5);
    expect(await c.countDocuments({ status: 'open', priority: { $gte: 3 } })).toBe(2);
    expect(await c.countDocuments({ status: 'archived' })).toBe(0);
  });
}
