import { CN_PUBLIC_HOLIDAYS } from '@hotline/contracts';
import { dayKindOf, forecastArrivals, staffingPlan, type IntervalCount } from './arrival-forecast';

const SLOT_MS = 30 * 60_000;
/** 10:00–10:30 China time of a date, as an instant. */
const tenOClock = (date: string): number => Date.parse(`${date}T10:00:00+08:00`);

/** Four weeks of history: weekdays 100 calls at 10:00, weekends 30, holidays 10; Mondays 150. */
function history(): IntervalCount[] {
  const counts: IntervalCount[] = [];
  for (let day = 0; day < 35; day++) {
    const date = new Date(Date.parse('2026-09-21T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
    const kind = dayKindOf(date, CN_PUBLIC_HOLIDAYS);
    const offered = kind === 'holiday' ? 10 : kind === 'weekend' ? 30 : kind === 'monday' ? 150 : 100;
    counts.push({ intervalStart: tenOClock(date), offered });
    counts.push({ intervalStart: tenOClock(date) + SLOT_MS, offered: offered / 2 });
  }
  return counts;
}

describe('arrival forecast', () => {
  it('tells holidays and make-up working days from the national calendar', () => {
    expect(dayKindOf('2026-10-01', CN_PUBLIC_HOLIDAYS)).toBe('holiday');
    expect(dayKindOf('2026-10-04', CN_PUBLIC_HOLIDAYS)).toBe('holiday'); // a Sunday inside the block
    expect(dayKindOf('2026-10-10', CN_PUBLIC_HOLIDAYS)).toBe('make-up-day');
    expect(dayKindOf('2026-10-12', CN_PUBLIC_HOLIDAYS)).toBe('monday');
  });

  it('forecasts each day from the profile of its kind', () => {
    const slot = 20; // 10:00 China time
    expect(forecastArrivals(history(), '2026-10-26', CN_PUBLIC_HOLIDAYS)[slot]).toBeCloseTo(150, 6);
    expect(forecastArrivals(history(), '2026-10-27', CN_PUBLIC_HOLIDAYS)[slot]).toBeCloseTo(100, 6);
    expect(forecastArrivals(history(), '2026-10-31', CN_PUBLIC_HOLIDAYS)[slot]).toBeCloseTo(30, 6);
    // A city's own holiday (a calendar override) on a Monday follows the holiday profile.
    const city = {
      ...CN_PUBLIC_HOLIDAYS,
      '2026': {
        ...CN_PUBLIC_HOLIDAYS['2026']!,
        holidays: [...CN_PUBLIC_HOLIDAYS['2026']!.holidays, '2026-11-02'],
      },
    };
    expect(forecastArrivals(history(), '2026-11-02', city)[slot]).toBeCloseTo(10, 6);
    expect(forecastArrivals(history(), '2026-10-27', CN_PUBLIC_HOLIDAYS)[slot + 1]).toBeCloseTo(50, 6);
  });

  it('staffs each interval by Erlang C and by Erlang A (fewer with impatient callers)', () => {
    const plan = staffingPlan([0, 100, 360], {
      averageHandleSeconds: 180,
      averagePatienceSeconds: 60,
      serviceLevel: 0.8,
      thresholdSeconds: 20,
    });
    expect(plan[0]).toMatchObject({ agentsErlangC: 0, agentsErlangA: 0 });
    expect(plan[1]!.agentsErlangC).toBe(14);
    expect(plan[2]!.agentsErlangA).toBeLessThanOrEqual(plan[2]!.agentsErlangC);
  });
});
