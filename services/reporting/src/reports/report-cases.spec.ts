import type { QueryViewer } from '@hotline/contracts';
import { caseCountersProjection } from '../counters/case-counters.projection';
import { CaseHistory, project } from '../testing/case-history';
import { reportCases } from './report-cases';

const center: QueryViewer = { actor: { id: 'center-1', role: 'center' }, districtId: 'city' };
const range = { from: '2026-11-01', to: '2026-11-30', withTotal: false };

/**
 * 23 cases in November: one an hour on the 3rd from 08:00 (the 15th to 22nd also in category 0202),
 * three more in the same hour on the 5th (the keyset's tie on the hour), one in October (outside).
 */
async function november() {
  const h = new CaseHistory('gulou');
  h.registered('OCT', '2026-10-31 23:00');
  for (let i = 0; i < 20; i += 1) {
    const hour = String(8 + Math.floor(i / 2)).padStart(2, '0');
    h.registered(`C${String(i).padStart(2, '0')}`, `2026-11-03 ${hour}:${i % 2 === 0 ? '05' : '35'}`, {
      categoryCode: i >= 14 ? '020101' : '010101',
    });
  }
  for (const id of ['T1', 'T2', 'T3']) h.registered(id, '2026-11-05 14:20');
  return project(h.events, [caseCountersProjection()]);
}

describe('the case list behind a report (drill-down and export)', () => {
  it('pages by keyset, newest first, each case once, with the total when asked', async () => {
    const store = await november();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    let total: number | undefined;
    do {
      const page = await reportCases(store, {
        viewer: center,
        ...range,
        limit: 4,
        withTotal: pages === 0,
        ...(after ? { after } : {}),
      });
      if (pages === 0) total = page.total;
      seen.push(...page.cases.map((c) => c._id));
      after = page.next ?? undefined;
      pages += 1;
    } while (after);
    expect(total).toBe(23);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(23);
    // The 5th first (ties on the hour by id, descending), then the 3rd from its last hour back.
    expect(seen.slice(0, 5)).toEqual(['T3', 'T2', 'T1', 'C19', 'C18']);
    expect(seen.at(-1)).toBe('C00');
  });

  it('filters by a category prefix and counts only what matches', async () => {
    const store = await november();
    const page = await reportCases(store, {
      viewer: center,
      ...range,
      categoryCode: '02',
      limit: 100,
      withTotal: true,
    });
    expect(page.total).toBe(6);
    expect(page.cases.map((c) => c._id)).toEqual(['C19', 'C18', 'C17', 'C16', 'C15', 'C14']);
    expect(page.next).toBeNull();
  });

  it('refuses a cursor it did not hand out, naming the field', async () => {
    const store = await november();
    await expect(
      reportCases(store, { viewer: center, ...range, limit: 10, after: 'not-a-cursor' }),
    ).rejects.toMatchObject({ field: 'after' });
  });
});
