import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { PostgresReadStore } from '@hotline/infra/read-store/postgres';
import type { PostgresCollection } from '../infra/src/read-store/postgres/postgres-collection';
import { QUERIES, buildCases, shapeStatement } from './workflow-search';

/** The shapes sorted by a declared path whose filter is broad: their page must come in index order. */
const IN_INDEX_ORDER = new Set(
  [
    { categoryCode: '010000', page: 3 },
    { registeredFrom: '2026-03-03T00:00:00Z', registeredTo: '2026-03-03T12:00:00Z' },
  ].map((q) => JSON.stringify(q)),
);

describe('the eight search shapes of the workflow benchmark on the PostgreSQL read store', () => {
  let database: TemporaryDatabase;
  let store: PostgresReadStore;
  let cases: PostgresCollection;

  beforeAll(async () => {
    database = await createTemporaryDatabase('search_plans');
    store = await PostgresReadStore.open({ url: database.url });
    await buildCases(store, 2_000);
    // Vacuumed as autovacuum would: the visibility map current, as index-only scans need it.
    await store.pool.query('VACUUM (ANALYZE)');
    // At 2,000 cases a sequential scan may be as cheap as any index: the plans are asked for as
    // they are at scale, where it never is.
    await store.pool.query(`ALTER DATABASE ${database.name} SET enable_seqscan = off`);
    await store.close();
    store = await PostgresReadStore.open({ url: database.url });
    cases = store.collection('workflow_cases') as unknown as PostgresCollection;
  }, 120_000);

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))(
    'answers %s from indexes, the page and the count',
    async (_name, input) => {
      const { filter, options } = shapeStatement(input);
      const plan = await cases.explain(filter, options);
      // A declared B-tree (`_x<n>`) or a path's GIN index (named after its side table, `_s<k>_g`).
      const table = /(Index|Bitmap Index) Scan( Backward)? (using|on) rs_d\d+_(x\d+|s\d+_g) /;
      expect(plan.find.filter((step) => /Seq Scan/.test(step))).toEqual([]);
      expect(plan.find.some((step) => table.test(step))).toBe(true);
      // The count reads side tables only, by index-only scans: never a document.
      expect(plan.count.filter((step) => /Scan/.test(step) && !/Index Only Scan/.test(step))).toEqual([]);
      expect(plan.count.filter((step) => / on rs_d\d+ /.test(step))).toEqual([]);
      expect(plan.count.some((step) => /Index Only Scan using rs_d\d+_s\d+(_pkey|_id) /.test(step))).toBe(
        true,
      );
      if (IN_INDEX_ORDER.has(JSON.stringify(input))) {
        // Read backward along the sort's B-tree (its path, then `_id`), stopping at the page: no
        // sort of the matches.
        expect(plan.find[0]).toMatch(/^Limit /);
        expect(plan.find.some((step) => /Index Scan Backward using rs_d\d+_x\d+ /.test(step))).toBe(true);
        expect(plan.find.filter((step) => /Sort/.test(step))).toEqual([]);
      }
    },
  );

  it('keeps the general translation on a declared path once a document holds an array there', async () => {
    const filter = { districtId: 'gulou' };
    const before = await cases.explain(filter, { sort: { registeredAt: -1, _id: -1 }, limit: 5 });
    expect(before.find.join('\n')).toContain(`(doc #> '{districtId}'::text[]) = '"gulou"'::jsonb`);
    const found = await cases.countDocuments(filter);
    await cases.insertOne({ _id: 'two-districts', districtId: ['gulou', 'taijiang'], registeredAt: '2027' });
    const after = await cases.explain(filter, { sort: { registeredAt: -1, _id: -1 }, limit: 5 });
    expect(after.find.join('\n')).toContain(`@> '"gulou"'::jsonb`);
    expect(await cases.countDocuments(filter)).toBe(found + 1);
    expect((await cases.find(filter, { sort: { registeredAt: -1, _id: -1 }, limit: 1 }))[0]?._id).toBe(
      'two-districts',
    );
  });
});
