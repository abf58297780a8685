import type { ReadCollection } from '../read-store.port';
import type { ContractContext } from './contract-context';

const CALLS = [
  { _id: 1, districtId: 'd1', channel: 'phone', seconds: 60, topics: ['water', 'noise'] },
  { _id: 2, districtId: 'd1', channel: 'web', seconds: 0, topics: ['water'] },
  { _id: 3, districtId: 'd2', channel: 'phone', seconds: 120, topics: [] },
  { _id: 4, districtId: 'd2', channel: 'phone', seconds: 30, topics: ['roads'] },
  { _id: 5, districtId: 'd1', channel: 'phone', seconds: 90, topics: ['water'] },
];

export function aggregateContract({ fresh }: ContractContext): void {
  let c: ReadCollection;

  beforeAll(async () => {
    c = fresh();
    await c.insertMany(CALLS);
  });

  it('counts and totals with $sum per group after a $match, sorted', async () => {
    const group = (sum: unknown) => [
      { $match: { channel: 'phone' } },
      { $group: { _id: '$districtId', v: { $sum: sum } } },
      { $sort: { _id: 1 } },
    ];
    expect(await c.aggregate(group(1))).toEqual([
      { _id: 'd1', v: 2 },
      { _id: 'd2', v: 2 },
    ]);
    expect(await c.aggregate(group('$seconds'))).toEqual([
      { _id: 'd1', v: 150 },
      { _id: 'd2', v: 150 },
    ]);
  });

  it('lists distinct values with a $group of _id alone', async () => {
    expect(await c.aggregate([{ $group: { _id: '$channel' } }, { $sort: { _id: 1 } }])).toEqual([
      { _id: 'phone' },
      { _id: 'web' },
    ]);
  });

  it('groups on a compound _id', async () => {
    const rows = await c.aggregate([
      { $group: { _id: { d: '$districtId', ch: '$channel' }, n: { $sum: 1 } } },
      { $sort: { n: -1 } },
      { $limit: 1 },
    ]);
    expect(rows).toEqual([{ _id: { d: 'd1', ch: 'phone' }, n: 2 }]);
  });

  it('groups everything under a null _id', async () => {
    expect(await c.aggregate([{ $group: { _id: null, total: { $sum: '$seconds' } } }])).toEqual([
      { _id: null, total: 300 },
    ]);
  });

  it('unwinds arrays before grouping, dropping documents with empty arrays', async () => {
    const rows = await c.aggregate([
      { $unwind: '$topics' },
      { $group: { _id: '$topics', n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: 'water', n: 3 },
      { _id: 'noise', n: 1 },
      { _id: 'roads', n: 1 },
    ]);
  });

  it('projects, skips and limits', async () => {
    const rows = await c.aggregate([
      { $sort: { seconds: -1 } },
      { $skip: 1 },
      { $limit: 2 },
      { $project: { _id: 0, channel: 1, seconds: 1 } },
    ]);
    expect(rows).toEqual([
      { channel: 'phone', seconds: 90 },
      { channel: 'phone', seconds: 60 },
    ]);
  });

  it('counts the documents reaching $count', async () => {
    expect(await c.aggregate([{ $match: { districtId: 'd1' } }, { $count: 'n' }])).toEqual([{ n: 3 }]);
  });

  it('returns copies: changing a result changes nothing stored', async () => {
    const [row] = await c.aggregate<{ topics: string[] }>([{ $match: { _id: 1 } }]);
    row?.topics.push('mutated');
    expect(await c.findOne({ _id: 1 })).toMatchObject({ topics: ['water', 'noise'] });
  });
}
