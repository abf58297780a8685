import { unitCasesHref } from '../reports/reports-api';
import { kpiTone, trendPeriods, trendRange } from './dashboard-ranges';

// 02:00 UTC on 7 December is 10:00 in Beijing; 20:00 UTC on 6 December is already the 7th there.
const now = new Date('2026-12-06T20:00:00Z');

describe('dashboard ranges', () => {
  it('ends the trends today in Beijing: 30 days by day, 12 months by month with every period on the axis', () => {
    const days = trendRange('days30', now);
    expect(days).toEqual({ from: '2026-11-08', to: '2026-12-07', groupBy: 'day' });
    const dayAxis = trendPeriods(days);
    expect(dayAxis).toHaveLength(30);
    expect([dayAxis[0], dayAxis.at(-1)]).toEqual(['2026-11-08', '2026-12-07']);
    const months = trendRange('months12', now);
    expect(months).toEqual({ from: '2026-01-01', to: '2026-12-07', groupBy: 'month' });
    expect(trendPeriods(months)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(trendRange('months12', new Date('2027-02-10T02:00:00Z')).from).toBe('2026-03-01');
  });

  it('tones a KPI against its target: met, within 5 points, further off; a maximum for lower-is-better', () => {
    const kpi = (value: number | null, target?: number, lowerIsBetter?: boolean) => ({
      key: 'k',
      numerator: 0,
      denominator: 0,
      value,
      target,
      lowerIsBetter,
    });
    expect(kpiTone(kpi(0.96, 0.95))).toBe('good');
    expect(kpiTone(kpi(0.91, 0.95))).toBe('near');
    expect(kpiTone(kpi(0.8, 0.95))).toBe('bad');
    expect(kpiTone(kpi(0.02, 0.03, true))).toBe('good');
    expect(kpiTone(kpi(0.2, 0.03, true))).toBe('bad');
    expect(kpiTone(kpi(null, 0.95))).toBe('none');
    expect(kpiTone(undefined)).toBe('none');
  });
});

describe('the drill-down to the case list', () => {
  it("asks the case search for the range's Beijing days as instants, first to last moment", () => {
    const href = unitCasesHref('gulou-dongjie', { from: '2026-12-01', to: '2026-12-08' });
    const params = new URL(href, 'http://console').searchParams;
    expect(href.startsWith('/center/cases?')).toBe(true);
    expect(params.get('unitId')).toBe('gulou-dongjie');
    expect(params.get('registeredFrom')).toBe('2026-11-30T16:00:00.000Z');
    expect(params.get('registeredTo')).toBe('2026-12-08T15:59:59.999Z');
  });
});
