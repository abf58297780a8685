import type { Filter, FindOptions, ReadDocument } from '../read-store.port';
import type { SqliteCollection } from './sqlite-collection';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * Broad filters (a driver of 2,000 rows or more) page descending along the sort path's side table;
 * the pages must be the ones the general plan gives: ties on the sort value broken by `_id`,
 * booleans above strings, missing and null values last.
 */
function documents(n: number): ReadDocument[] {
  const words = ['w1', 'w2', 'w3', 'w4', 'w5'];
  return Array.from({ length: n }, (_, i) => {
    const at =
      i % 11 === 0 ? undefined : i % 13 === 0 ? null : i % 97 === 0 ? true : `2026-03-${10 + (i % 9)}`;
    return {
      _id: `k${String((i * 37) % n).padStart(5, '0')}`,
      tokens: words.filter((_, w) => (i + w) % (w + 2) === 0 || (w === 1 && i % 4 === 0)),
      kind: i % 3 === 0 ? 'consult' : 'complaint',
      ...(at === undefined ? {} : { at }),
    };
  });
}

const PAGES: Array<[Filter, FindOptions]> = [
  [{ tokens: 'w1' }, { sort: { at: -1, _id: -1 }, skip: 100, limit: 20 }],
  [
    { tokens: 'w1', $and: [{ tokens: { $all: ['w2'] } }] },
    { sort: { at: -1, _id: -1 }, skip: 40, limit: 20 },
  ],
  [
    { tokens: 'w2', kind: { $in: ['consult'] } },
    { sort: { at: -1, _id: -1 }, skip: 7, limit: 13 },
  ],
  [
    { tokens: 'w1', $nor: [{ kind: 'consult' }] },
    { sort: { at: -1, _id: -1 }, skip: 60, limit: 50 },
  ],
  // A page deeper than the matches with a value: the general plan answers (missing values last).
  [{ tokens: 'w1' }, { sort: { at: -1, _id: -1 }, skip: 2_900, limit: 20 }],
  // A filter too selective for the ordered scan: the general plan answers.
  [
    { tokens: 'w5', kind: 'nothing' },
    { sort: { at: -1, _id: -1 }, limit: 5 },
  ],
];

describe('SQLite read store: descending pages along the sort path', () => {
  const store = SqliteReadStore.open({ path: ':memory:' });
  const docs = documents(6_000);
  let cases: SqliteCollection;

  beforeAll(async () => {
    cases = store.collection('cases') as unknown as SqliteCollection;
    for (const path of ['tokens', 'kind', 'at']) await cases.createIndex({ [path]: 1 });
    await cases.insertMany(docs);
  });

  afterAll(() => store.close());

  it.each(PAGES.map(([filter, options]) => [JSON.stringify([filter, options]), filter, options] as const))(
    'pages %s as the general plan does',
    async (_name, filter, options) => {
      // Without a limit the page is never read along the side table: the general plan, sliced.
      const all = await cases.find(filter, { sort: options.sort });
      const skip = options.skip ?? 0;
      const expected = all.slice(skip, skip + (options.limit as number));
      const page = await cases.find(filter, options);
      expect(page.map((d) => d._id)).toEqual(expected.map((d) => d._id));
      if (!JSON.stringify(filter).includes('nothing')) expect(expected.length).toBeGreaterThan(0);
    },
  );

  it('reads the page of a broad filter along the side table, sorting only the rows at or above its boundary', async () => {
    // Past the booleans at the top (a page of booleans alone is left to the general plan).
    const plan = await cases.explain({ tokens: 'w1' }, { sort: { at: -1, _id: -1 }, skip: 100, limit: 20 });
    expect(plan.find.some((step) => /^SEARCH m USING PRIMARY KEY \(v>\?\)$/.test(step))).toBe(true);
    expect(plan.find.filter((step) => /^SCAN d\d+_s\d+/.test(step))).toEqual([]);
  });
});
