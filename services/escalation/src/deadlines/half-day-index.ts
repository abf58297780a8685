import { chinaTime, type WorkingCalendar } from '@hotline/contracts';

const DAY_MS = 86_400_000;

/** What the book asks of a calendar: the two counts deadlines are made of. */
export interface DeadlineCalendar {
  addWorkingDays(from: Date, days: number): Date;
  workingDaysBetween(a: Date, b: Date): number;
}

/**
 * The working calendar's half-days laid out once as sorted arrays, so that the two counts the book
 * makes for every point of a million cases are binary searches instead of day-by-day walks. Same
 * answers as `WorkingCalendar` (its semantics are documented there); outside the years it covers,
 * and for "the same working day" (`days = 0`), it asks the calendar itself.
 */
export class HalfDayIndex implements DeadlineCalendar {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;

  constructor(private readonly calendar: WorkingCalendar) {
    const starts: number[] = [];
    const ends: number[] = [];
    const { morning, afternoon } = calendar.hours;
    for (const year of calendar.coveredYears()) {
      const first = Date.UTC(year, 0, 1);
      for (let day = first; new Date(day).getUTCFullYear() === year; day += DAY_MS) {
        const date = new Date(day).toISOString().slice(0, 10);
        if (!calendar.isWorkingDay(date)) continue;
        for (const session of [morning, afternoon]) {
          starts.push(chinaTime(date, session.start).getTime());
          ends.push(chinaTime(date, session.end).getTime());
        }
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
  }

  addWorkingDays(from: Date, days: number): Date {
    const ms = from.getTime();
    if (days === 0 || !Number.isInteger(days * 2) || days < 0)
      return this.calendar.addWorkingDays(from, days);
    const first = lowerBound(this.starts, ms);
    const last = first + days * 2 - 1;
    if (first === 0 || last >= this.ends.length) return this.calendar.addWorkingDays(from, days);
    return new Date(this.ends[last]!);
  }

  workingDaysBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (to < from) return -this.workingDaysBetween(b, a);
    const n = this.starts.length;
    if (n === 0 || from < this.starts[0]! || to > this.ends[n - 1]!)
      return this.calendar.workingDaysBetween(a, b);
    // The half-days overlapping [from, to): the first ending after `from`, the last starting before `to`.
    const i = lowerBound(this.ends, from + 1);
    const k = lowerBound(this.starts, to) - 1;
    if (i > k) return 0;
    let total = 0.5 * (k - i + 1);
    const cut = (index: number, lost: number) => (0.5 * lost) / (this.ends[index]! - this.starts[index]!);
    total -= cut(i, Math.max(0, from - this.starts[i]!));
    total -= cut(k, Math.max(0, this.ends[k]! - to));
    return total;
  }
}

/** The first index whose value is ≥ `value`. */
function lowerBound(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
