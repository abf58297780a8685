import { SearchCases } from '@hotline/contracts';
import { generatedSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { WorkflowReadModels, defaultWorkflowSettings } from '@hotline/workflow';
import { caseSearchFilter, dueSoonUntil } from '@hotline/workflow/testing';
import type { SqliteCollection } from '../infra/src/read-store/sqlite/sqlite-collection';
import { historyEvents, historyLength } from './workflow-bench-events';
import { QUERIES } from './workflow-search';

const NOW = new Date('2026-03-06T02:00:00Z');
const viewer = { actor: { id: 'plan-test', role: 'center' }, districtId: 'city' };
/** A plan step that reads every row of a collection's table: what must not happen at a million cases. */
const FULL_SCAN = /^SCAN d\d+$/;

describe('the eight search shapes of the workflow benchmark on the SQLite read store', () => {
  const store = SqliteReadStore.open({ path: ':memory:' });
  let cases: SqliteCollection;

  beforeAll(async () => {
    const count = 600;
    const head = historyLength(count);
    const readModels = new WorkflowReadModels({
      store,
      source: () => generatedSource(head, () => historyEvents(count)),
    });
    await readModels.start();
    await readModels.caughtUp();
    await readModels.stop();
    cases = store.collection('workflow_cases') as unknown as SqliteCollection;
  });

  afterAll(() => store.close());

  it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))(
    'answers %s from indexes, the page and the count',
    async (_name, input) => {
      const settings = defaultWorkflowSettings();
      const query = SearchCases.schema.parse({ ...input, viewer });
      const filter = caseSearchFilter(
        query,
        {},
        NOW,
        dueSoonUntil(settings.calendar, settings.deadlines, NOW),
      );
      const order = query.order === 'asc' ? 1 : -1;
      const plan = await cases.explain(filter, {
        sort: { [query.sort]: order, _id: order },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      for (const steps of [plan.find, plan.count]) {
        expect(steps.some((step) => /^SEARCH d\d+ USING (INDEX|INTEGER PRIMARY KEY)/.test(step))).toBe(true);
        expect(steps.filter((step) => FULL_SCAN.test(step))).toEqual([]);
      }
    },
  );
});
