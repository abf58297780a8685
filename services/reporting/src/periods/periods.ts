import { MAX_REPORT_DAYS, ValidationError, type PeriodKind } from '@hotline/contracts';
import { addDays, daysBetween, weekday } from './beijing-time';

export interface DayRange {
  from: string;
  to: string;
}

/** A range a report may read: not reversed, not longer than MAX_REPORT_DAYS; 400 naming the field otherwise. */
export function checkRange(range: DayRange): DayRange {
  if (range.to < range.from) throw new ValidationError('to', `must not be before from (${range.from})`);
  const days = daysBetween(range.from, range.to);
  if (days > MAX_REPORT_DAYS) {
    throw new ValidationError(
      'to',
      `the range is ${days} days; a report reads at most ${MAX_REPORT_DAYS} days`,
    );
  }
  return range;
}

/** The period a day belongs to: `2026-12-06`, `2026-W49`, `2026-12`, `2026-Q4`, `2026`. */
export function periodOf(day: string, kind: PeriodKind): string {
  switch (kind) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    default: {
      const unknown: never = kind;
      throw new ValidationError('groupBy', `unknown period ${String(unknown)}`);
    }
  }
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(day: string): string {
  const thursday = addDays(day, 3 - ((weekday(day) + 6) % 7));
  const year = thursday.slice(0, 4);
  const week = Math.floor((daysBetween(`${year}-01-01`, thursday) - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** 环比: the range of the same length just before. */
export function previousRange(range: DayRange): DayRange {
  const days = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** 同比: the same dates a year earlier (29 February falls back to the 28th). */
export function yearEarlier(range: DayRange): DayRange {
  const back = (day: string): string => {
    const year = Number(day.slice(0, 4)) - 1;
    const monthDay = day.slice(5);
    const yyyy = String(year).padStart(4, '0');
    return monthDay === '02-29' && !isLeap(year) ? `${yyyy}-02-28` : `${yyyy}-${monthDay}`;
  };
  return { from: back(range.from), to: back(range.to) };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
