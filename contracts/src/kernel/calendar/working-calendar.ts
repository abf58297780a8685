import { ValidationError } from '../errors';
import { parseOrThrow } from '../validate';
import { CalendarData, mergeCalendarData } from './calendar-data';
import { CalendarYearMissingError } from './calendar.errors';
import {
  dayNumberOf,
  dayOfLocalDate,
  localDateOfDay,
  startOfDayMs,
  weekdayOfDay,
  type LocalDate,
} from './china-time';
import { DEFAULT_WORKING_HOURS, WorkingHours, sessionMinutesOf, type SessionMinutes } from './working-hours';

export interface WorkingCalendarOptions {
  data: CalendarData;
  hours?: WorkingHours;
  /** Years whose schedule is a stand-in until the official notice is loaded. */
  provisional?: readonly number[];
}

/** One working half-day as instants, [start, end). */
interface HalfDay {
  start: number;
  end: number;
}

interface YearSets {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/**
 * Working days and working time in China Standard Time, whatever the host's timezone.
 *
 * Time is counted in working half-days (the morning and the afternoon session), so deadlines have
 * half-day precision:
 * - `addWorkingDays(from, n)` starts counting with the first half-day that begins at or after
 *   `from` (the half-day already under way is not counted, as the start day is not counted in law)
 *   and returns the end of the (2n)-th working half-day. `n = 0` means "the same working day": the
 *   end of the working day of `nextWorkingMoment(from)` (so, from outside working hours, it ends
 *   later than `n = 0.5`).
 * - `workingDaysBetween(a, b)` is the working time between two instants, each half-day weighing 0.5
 *   in proportion to how much of it lies between them; negative when `b` is before `a`.
 * A year without a schedule throws `CalendarYearMissingError`.
 */
export class WorkingCalendar {
  private readonly years: ReadonlyMap<number, YearSets>;
  private readonly sessions: readonly [SessionMinutes, SessionMinutes];
  private readonly data: CalendarData;
  private readonly provisional: ReadonlySet<number>;
  readonly hours: WorkingHours;

  constructor(options: WorkingCalendarOptions) {
    this.data = parseOrThrow(CalendarData, options.data, 'data');
    this.hours = parseOrThrow(WorkingHours, options.hours ?? DEFAULT_WORKING_HOURS, 'hours');
    this.sessions = sessionMinutesOf(this.hours);
    this.provisional = new Set(options.provisional ?? []);
    this.years = new Map(
      Object.entries(this.data).map(([year, s]) => [
        Number(year),
        { holidays: new Set(s.holidays), workdays: new Set(s.workdays) },
      ]),
    );
  }

  /** A new calendar with a city's own holidays and working days laid over this one. */
  withOverrides(overrides: CalendarData): WorkingCalendar {
    const own = parseOrThrow(CalendarData, overrides, 'overrides');
    const data = mergeCalendarData(this.data, own);
    return new WorkingCalendar({ data, hours: this.hours, provisional: [...this.provisional] });
  }

  /** Whether a year's schedule is a stand-in: weekends and statutory holidays, no official notice yet. */
  isProvisional(year: number): boolean {
    return this.provisional.has(year);
  }

  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Whether a date (an instant, taken in CST, or a `YYYY-MM-DD`) is a working day. */
  isWorkingDay(date: Date | LocalDate): boolean {
    if (typeof date === 'string') {
      const day = dayOfLocalDate(date);
      if (day === undefined) throw new ValidationError('date', 'must be a date YYYY-MM-DD or a Date');
      return this.isWorkingDayNumber(day);
    }
    instant(date, 'date');
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** Whether an instant falls inside a working half-day. */
  isWorkingTime(at: Date): boolean {
    const ms = instant(at, 'at');
    return this.halfDaysOf(dayNumberOf(at)).some((h) => h.start <= ms && ms < h.end);
  }

  /** `at` itself when it is working time, else the start of the next working half-day. */
  nextWorkingMoment(at: Date): Date {
    const ms = instant(at, 'at');
    for (let day = dayNumberOf(at); ; day += 1) {
      for (const h of this.halfDaysOf(day)) if (ms < h.end) return new Date(Math.max(ms, h.start));
    }
  }

  /** The deadline `days` working days (a non-negative multiple of 0.5) after `from`; see the class notes. */
  addWorkingDays(from: Date, days: number): Date {
    const ms = instant(from, 'from');
    if (!Number.isFinite(days) || days < 0 || !Number.isInteger(days * 2)) {
      throw new ValidationError('days', 'must be a non-negative multiple of 0.5');
    }
    if (days === 0) {
      const day = dayNumberOf(this.nextWorkingMoment(from));
      return new Date(startOfDayMs(day) + this.sessions[1].end * 60_000);
    }
    let remaining = days * 2;
    for (let day = dayNumberOf(from); ; day += 1) {
      for (const h of this.halfDaysOf(day)) {
        if (h.start < ms) continue;
        remaining -= 1;
        if (remaining === 0) return new Date(h.end);
      }
    }
  }

  /** Working time from `a` to `b` in working days (0.5 per half-day); negative when `b` is earlier. */
  workingDaysBetween(a: Date, b: Date): number {
    const from = instant(a, 'a');
    const to = instant(b, 'b');
    if (to < from) return -this.workingDaysBetween(b, a);
    let total = 0;
    for (let day = dayNumberOf(a); startOfDayMs(day) < to; day += 1) {
      for (const h of this.halfDaysOf(day)) {
        const overlap = Math.min(h.end, to) - Math.max(h.start, from);
        if (overlap > 0) total += (0.5 * overlap) / (h.end - h.start);
      }
    }
    return total;
  }

  private isWorkingDayNumber(day: number): boolean {
    const date = localDateOfDay(day);
    const year = Number(date.slice(0, 4));
    const schedule = this.years.get(year);
    if (!schedule) throw new CalendarYearMissingError(year);
    if (schedule.holidays.has(date)) return false;
    if (schedule.workdays.has(date)) return true;
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  }

  private halfDaysOf(day: number): HalfDay[] {
    if (!this.isWorkingDayNumber(day)) return [];
    const midnight = startOfDayMs(day);
    return this.sessions.map((s) => ({ start: midnight + s.start * 60_000, end: midnight + s.end * 60_000 }));
  }
}

function instant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new ValidationError(field, 'must be a valid Date');
  return ms;
}
