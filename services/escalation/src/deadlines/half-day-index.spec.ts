import { chinaTime, chinaWorkingCalendar } from '@hotline/contracts';
import { HalfDayIndex } from './half-day-index';

describe('the half-day index', () => {
  const calendar = chinaWorkingCalendar().withOverrides({
    '2026': { holidays: ['2026-10-08'], workdays: [] },
  });
  const index = new HalfDayIndex(calendar);

  it('gives the same deadlines and working time as the calendar across Golden Week and make-up days', () => {
    // Every 97 minutes from mid-September to mid-October, with limits from a half-day to 15 days.
    for (
      let at = chinaTime('2026-09-15').getTime();
      at < chinaTime('2026-10-20').getTime();
      at += 97 * 60_000
    ) {
      const from = new Date(at);
      for (const days of [0.5, 1, 2, 3, 10, 15]) {
        expect(index.addWorkingDays(from, days).toISOString()).toBe(
          calendar.addWorkingDays(from, days).toISOString(),
        );
      }
      for (const span of [1, 7, 41, 300]) {
        const to = new Date(at + span * 3_600_000);
        expect(index.workingDaysBetween(from, to)).toBeCloseTo(calendar.workingDaysBetween(from, to), 9);
        expect(index.workingDaysBetween(to, from)).toBeCloseTo(calendar.workingDaysBetween(to, from), 9);
      }
    }
  });
});
