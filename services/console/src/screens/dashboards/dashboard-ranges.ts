import type { Kpi } from '../reports/reports-api';

/** A report's range of days (Beijing calendar), `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** Today in Beijing time. */
const beijingToday = (now: Date): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The trend's windows: the last 30 days by day, the last 12 months (this one so far) by month. */
export type TrendWindow = 'days30' | 'months12';

/** The range and grouping of a trend window, ending today. */
export function trendRange(window: TrendWindow, now = new Date()): DayRange & { groupBy: 'day' | 'month' } {
  const to = beijingToday(now);
  const [year, month] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  if (window === 'months12') {
    // Eleven whole months before this one, and this one so far.
    const first = new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10);
    return { from: first, to, groupBy: 'month' };
  }
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to, groupBy: 'day' };
}

/**
 * Every period of a trend window, oldest first (`2026-11-08` or `2026-11`), so a day or month
 * without a case is drawn as 0 instead of being left out of the axis.
 */
export function trendPeriods(range: DayRange & { groupBy: 'day' | 'month' }): string[] {
  const periods: string[] = [];
  if (range.groupBy === 'day') {
    for (
      let t = Date.parse(`${range.from}T00:00:00Z`);
      t <= Date.parse(`${range.to}T00:00:00Z`);
      t += 86_400_000
    ) {
      periods.push(new Date(t).toISOString().slice(0, 10));
    }
    return periods;
  }
  const [year, month] = [Number(range.from.slice(0, 4)), Number(range.from.slice(5, 7))];
  for (let i = 0; ; i += 1) {
    const period = new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7);
    if (period > range.to.slice(0, 7)) return periods;
    periods.push(period);
  }
}

/** A tile's tone for a KPI against its target: met, within 5 points of it, or further off; none unmeasured. */
export type Tone = 'good' | 'near' | 'bad' | 'none';

export function kpiTone(kpi: Kpi | undefined): Tone {
  if (!kpi || kpi.value === null) return 'none';
  if (kpi.target === undefined) return 'near';
  const gap = kpi.lowerIsBetter ? kpi.value - kpi.target : kpi.target - kpi.value;
  if (gap <= 0) return 'good';
  return gap <= 0.05 ? 'near' : 'bad';
}
