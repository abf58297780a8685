import fc from 'fast-check';
import { ValidationError } from '../errors';
import { CalendarYearMissingError } from './calendar.errors';
import { CN_PUBLIC_HOLIDAYS, chinaWorkingCalendar } from './china-calendar';
import { chinaTime, formatChinaTime } from './china-time';

// Published schedules only: the provisional years are covered in provisional-year.spec.ts.
const calendar = chinaWorkingCalendar({ provisionalYears: 0 });
const at = (date: string, time: string) => chinaTime(date, time);
const deadline = (date: string, time: string, days: number) =>
  formatChinaTime(calendar.addWorkingDays(at(date, time), days));

describe('WorkingCalendar', () => {
  describe('isWorkingDay with the official 2025 and 2026 schedules', () => {
    it.each([
      ['2025-03-03', true, 'an ordinary Monday'],
      ['2025-03-01', false, 'an ordinary Saturday'],
      ['2025-01-01', false, "New Year's Day"],
      ['2025-01-26', true, 'the Sunday made a working day before Spring Festival'],
      ['2025-01-28', false, "Spring Festival's eve"],
      ['2025-02-04', false, 'the last day of Spring Festival'],
      ['2025-02-08', true, 'the Saturday made a working day after Spring Festival'],
      ['2025-04-04', false, 'Qingming'],
      ['2025-04-27', true, 'the Sunday made a working day before Labour Day'],
      ['2025-05-05', false, 'the last day of Labour Day'],
      ['2025-06-02', false, 'Dragon Boat Festival (Monday)'],
      ['2025-09-28', true, 'the Sunday made a working day before National Day'],
      ['2025-10-06', false, 'Mid-Autumn Festival inside the National Day block'],
      ['2025-10-08', false, 'a Wednesday off at the end of National Day'],
      ['2025-10-11', true, 'the Saturday made a working day after National Day'],
      ['2026-01-02', false, "a Friday off after New Year's Day 2026"],
      ['2026-01-04', true, 'the Sunday made a working day in January 2026'],
      ['2026-02-14', true, 'the Saturday made a working day before Spring Festival 2026'],
      ['2026-02-23', false, 'the Monday closing Spring Festival 2026'],
      ['2026-02-28', true, 'the Saturday made a working day after Spring Festival 2026'],
      ['2026-09-25', false, 'Mid-Autumn Festival 2026 (Friday)'],
      ['2026-10-10', true, 'the Saturday made a working day after National Day 2026'],
    ])('%s is %s: %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it('takes an instant in China Standard Time, not UTC', () => {
      // 2025-01-27T16:30Z is still Monday in UTC but already the 28th, a holiday, in Beijing.
      expect(calendar.isWorkingDay(new Date('2025-01-27T16:30:00Z'))).toBe(false);
      expect(calendar.isWorkingDay(new Date('2025-01-27T15:59:00Z'))).toBe(true);
    });

    it('ships only weekend days as make-up working days', () => {
      for (const { workdays } of Object.values(CN_PUBLIC_HOLIDAYS)) {
        for (const date of workdays) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      }
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      ['2025-01-27', '09:00', 1, '2025-02-05 12:00', 'Spring Festival is skipped'],
      ['2025-01-24', '18:00', 1, '2025-01-26 17:30', 'the make-up Sunday counts'],
      ['2025-01-26', '17:00', 0.5, '2025-01-27 12:00', 'counting starts after the half-day under way'],
      ['2025-09-26', '17:00', 1, '2025-09-28 17:30', 'the Sunday before National Day counts'],
      ['2025-09-30', '15:00', 2, '2025-10-10 17:30', 'National Day and Mid-Autumn 2025 are skipped'],
      ['2025-09-30', '15:00', 2.5, '2025-10-11 12:00', 'the make-up Saturday morning after National Day'],
      ['2025-12-31', '16:00', 1, '2026-01-04 17:30', 'across the year boundary onto the make-up Sunday'],
      ['2026-02-13', '10:00', 3, '2026-02-25 12:00', 'Spring Festival 2026 with its make-up Saturday'],
      ['2025-03-03', '09:00', 10, '2025-03-17 12:00', 'a ten-day complaint limit'],
      ['2025-03-03', '08:30', 0.5, '2025-03-03 12:00', 'a morning starting exactly at opening counts'],
      ['2025-03-03', '09:00', 0.5, '2025-03-03 17:30', 'half a day from inside the morning'],
      ['2025-03-03', '12:30', 0.5, '2025-03-03 17:30', 'half a day from the lunch break'],
      ['2025-03-03', '14:00', 0.5, '2025-03-03 17:30', 'an afternoon starting exactly at opening counts'],
      ['2025-03-03', '17:30', 1, '2025-03-04 17:30', 'from closing time'],
      ['2025-03-03', '09:00', 0, '2025-03-03 17:30', 'same day within working hours'],
      ['2025-03-03', '18:00', 0, '2025-03-04 17:30', 'same day after closing is the next working day'],
      ['2025-01-24', '20:00', 0, '2025-01-26 17:30', 'same day on a Friday night is the make-up Sunday'],
    ])('from %s %s plus %s working days is %s (%s)', (date, time, days, expected) => {
      expect(deadline(date, time, days)).toBe(expected);
    });

    it('is a second later when starting a second into the half-day', () => {
      const from = new Date(at('2025-03-03', '14:00').getTime() + 1000);
      expect(formatChinaTime(calendar.addWorkingDays(from, 0.5))).toBe('2025-03-04 12:00');
    });

    it('throws a clear error when the deadline runs into a year without a schedule', () => {
      expect(() => calendar.addWorkingDays(at('2026-12-31', '17:00'), 1)).toThrow(CalendarYearMissingError);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/no holiday schedule for 2027/);
    });

    it.each([0.3, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s days naming the field', (days) => {
      expect(() => calendar.addWorkingDays(at('2025-03-03', '09:00'), days)).toThrow(/^days: /);
    });

    it('ends the same working day for 0 days even when half a day would end sooner', () => {
      expect(deadline('2025-03-02', '20:00', 0)).toBe('2025-03-03 17:30');
      expect(deadline('2025-03-02', '20:00', 0.5)).toBe('2025-03-03 12:00');
    });

    it('rejects an invalid Date naming the field', () => {
      expect(() => calendar.addWorkingDays(new Date('nonsense'), 1)).toThrow(ValidationError);
      expect(() => calendar.addWorkingDays(new Date('nonsense'), 1)).toThrow(/^from: /);
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2025-03-03', '08:30', '2025-03-03', '17:30', 1],
      ['2025-03-03', '08:30', '2025-03-03', '12:00', 0.5],
      ['2025-03-03', '10:15', '2025-03-03', '12:00', 0.25],
      ['2025-03-03', '12:00', '2025-03-03', '14:00', 0],
      ['2025-03-03', '18:00', '2025-03-04', '08:30', 0],
      ['2025-01-27', '08:30', '2025-02-05', '17:30', 2],
      ['2025-09-30', '14:00', '2025-10-11', '12:00', 3],
      ['2025-12-31', '08:30', '2026-01-05', '17:30', 3],
      ['2025-03-03', '12:00', '2025-03-03', '10:15', -0.25],
    ])('from %s %s to %s %s is %s', (d1, t1, d2, t2, expected) => {
      expect(calendar.workingDaysBetween(at(d1, t1), at(d2, t2))).toBeCloseTo(expected, 9);
    });
  });

  describe('nextWorkingMoment and isWorkingTime', () => {
    it.each([
      ['2025-03-03', '10:00', '2025-03-03 10:00'],
      ['2025-03-03', '12:30', '2025-03-03 14:00'],
      ['2025-03-03', '17:30', '2025-03-04 08:30'],
      ['2025-01-24', '18:00', '2025-01-26 08:30'],
      ['2025-09-30', '18:00', '2025-10-09 08:30'],
    ])('after %s %s the next working moment is %s', (date, time, expected) => {
      expect(formatChinaTime(calendar.nextWorkingMoment(at(date, time)))).toBe(expected);
    });

    it('tells working time from the lunch break, the night and holidays', () => {
      expect(calendar.isWorkingTime(at('2025-03-03', '11:59'))).toBe(true);
      expect(calendar.isWorkingTime(at('2025-03-03', '12:00'))).toBe(false);
      expect(calendar.isWorkingTime(at('2025-03-03', '20:00'))).toBe(false);
      expect(calendar.isWorkingTime(at('2025-10-08', '10:00'))).toBe(false);
      expect(calendar.isWorkingTime(at('2025-10-11', '10:00'))).toBe(true);
    });
  });

  describe('configuration', () => {
    it("lays a city's own holidays and working days over the national schedule", () => {
      const city = calendar.withOverrides({
        '2025': { holidays: ['2025-03-03', '2025-10-11'], workdays: ['2025-03-08'] },
        '2027': { holidays: ['2027-01-01'], workdays: [] },
      });
      expect(city.isWorkingDay('2025-03-03')).toBe(false);
      expect(city.isWorkingDay('2025-10-11')).toBe(false);
      expect(city.isWorkingDay('2025-03-08')).toBe(true);
      expect(city.isWorkingDay('2025-01-26')).toBe(true);
      expect(city.isWorkingDay('2027-01-04')).toBe(true);
      expect(city.coveredYears()).toEqual([2025, 2026, 2027]);
      expect(calendar.isWorkingDay('2025-03-03')).toBe(true);
    });

    it('uses configured working hours', () => {
      const summer = chinaWorkingCalendar({
        hours: { morning: { start: '08:00', end: '12:00' }, afternoon: { start: '14:30', end: '18:00' } },
      });
      expect(formatChinaTime(summer.addWorkingDays(at('2025-07-01', '09:00'), 0))).toBe('2025-07-01 18:00');
      expect(formatChinaTime(summer.nextWorkingMoment(at('2025-07-01', '14:10')))).toBe('2025-07-01 14:30');
    });

    it('rejects malformed schedules and hours naming the field', () => {
      expect(() => calendar.withOverrides({ '2025': { holidays: ['2026-01-01'], workdays: [] } })).toThrow(
        /^overrides\.2025\.holidays\.0: 2026-01-01 is not in 2025/,
      );
      expect(() => calendar.withOverrides({ '2025': { holidays: ['2025-02-30'], workdays: [] } })).toThrow(
        /^overrides\.2025\.holidays\.0: must be a date/,
      );
      expect(() =>
        calendar.withOverrides({ '2025': { holidays: ['2025-05-05'], workdays: ['2025-05-05'] } }),
      ).toThrow(/is also a holiday/);
      expect(() =>
        chinaWorkingCalendar({
          hours: { morning: { start: '12:00', end: '08:30' }, afternoon: { start: '14:00', end: '17:30' } },
        }),
      ).toThrow(/^hours\.morning: start must be before end/);
    });
  });

  describe('independence from the host timezone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });

    it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])(
      'gives the same deadlines with TZ=%s',
      (tz) => {
        process.env.TZ = tz;
        expect(deadline('2025-01-24', '18:00', 1)).toBe('2025-01-26 17:30');
        expect(calendar.isWorkingDay(new Date('2025-01-27T16:30:00Z'))).toBe(false);
      },
    );
  });

  describe('properties', () => {
    const instants = fc
      .integer({ min: at('2025-01-01', '00:00').getTime(), max: at('2026-10-31', '00:00').getTime() })
      .map((ms) => new Date(ms));
    const halfDays = fc.integer({ min: 0, max: 40 }).map((n) => n / 2);

    it('a deadline n days away leaves at least n and less than n + 0.5 working days', () => {
      fc.assert(
        fc.property(
          instants,
          halfDays.filter((n) => n > 0),
          (from, n) => {
            const due = calendar.addWorkingDays(from, n);
            const between = calendar.workingDaysBetween(from, due);
            const partial = calendar.isWorkingTime(from) ? 0.5 : 1e-9;
            return between >= n - 1e-9 && between < n + partial;
          },
        ),
      );
    });

    it('a deadline is the end of a working half-day and grows with the number of days', () => {
      // 0 means "the same working day", not a count of half-days, so it is left out here.
      fc.assert(
        fc.property(
          instants,
          halfDays.filter((n) => n > 0),
          (from, n) => {
            const due = calendar.addWorkingDays(from, n);
            const later = calendar.addWorkingDays(from, n + 0.5);
            return (
              calendar.isWorkingTime(new Date(due.getTime() - 1)) &&
              !calendar.isWorkingTime(due) &&
              later > due
            );
          },
        ),
      );
    });
  });
});
