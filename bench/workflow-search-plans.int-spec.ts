import { SqliteReadStore } from '@hotline/infra/read-store';
import type { SqliteCollection } from '../infra/src/read-store/sqlite/sqlite-collection';
import { QUERIES, buildCases, shapeStatement } from './workflow-search';

/** A plan step that reads the documents' table (`t` where the query filters, `o` for the page's documents). */
const DOCUMENTS = /^(SEARCH|SCAN) (t|o|d\d+)( |$)/;
/** A page read in the order of a compound side table. */
const COMPOUND = /^SEARCH m USING COVERING INDEX d\d+_c\d+_k \(a=\?\)$/;
/** The shapes whose page comes from a compound side table in index order (others may, as counted). */
const IN_INDEX_ORDER = new Set([JSON.stringify({ categoryCode: '010000', page: 3 })]);

describe('the eight search shapes of the workflow benchmark on the SQLite read store', () => {
  const store = SqliteReadStore.open({ path: ':memory:' });
  let cases: SqliteCollection;

  beforeAll(async () => {
    await buildCases(store, 600);
    cases = store.collection('workflow_cases') as unknown as SqliteCollection;
  });

  afterAll(() => store.close());

  it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))(
    'answers %s from indexes, the page and the count',
    async (_name, input) => {
      const { filter, options } = shapeStatement(input);
      const plan = await cases.explain(filter, options);
      expect(plan.count.filter((step) => DOCUMENTS.test(step))).toEqual([]);
      expect(plan.count.some((step) => /^SEARCH d\d+_s\d+ USING PRIMARY KEY \(v/.test(step))).toBe(true);
      expect(plan.count.filter((step) => /^SCAN d\d+_s\d+/.test(step))).toEqual([]);
      const inOrder = plan.find.some((step) => COMPOUND.test(step));
      if (IN_INDEX_ORDER.has(JSON.stringify(input))) expect(inOrder).toBe(true);
      if (inOrder) {
        // An equality and the sort of a declared two-field index: the page is read in the order of
        // the compound side table (no sort of the matches, the rest probed by rowid in the side
        // tables), then only its documents.
        expect(plan.find.slice(0, 2)).toEqual(['CO-ROUTINE p', expect.stringMatching(COMPOUND)]);
        expect(plan.find.filter((step) => /TEMP B-TREE|^SCAN d\d+_s\d+/.test(step))).toEqual([]);
        expect(plan.find.filter((step) => DOCUMENTS.test(step))).toEqual([
          'SEARCH o USING INTEGER PRIMARY KEY (rowid=?)',
        ]);
        return;
      }
      // The count and the choice of the page come from the side tables alone (searched by value or by
      // rowid, never scanned); only the page's documents are read, by rowid.
      for (const steps of [plan.find, plan.count]) {
        expect(steps.some((step) => /^SEARCH d\d+_s\d+ USING PRIMARY KEY \(v/.test(step))).toBe(true);
        expect(steps.filter((step) => /^SCAN d\d+_s\d+/.test(step))).toEqual([]);
      }
      expect(plan.find.filter((step) => DOCUMENTS.test(step))).toEqual([
        'SEARCH o USING INTEGER PRIMARY KEY (rowid=?)',
      ]);
    },
  );
});
