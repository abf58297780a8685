import type { DeadlineCalendar } from './half-day-index';

/**
 * Where a due point comes from, so a holiday declared later can move it: a number of working days
 * counted from an instant on the working calendar, or a fixed instant (clock-hour windows such as
 * the 12-hour sub-dispatch, and deadlines no working-day count explains).
 */
export type TimerBasis = { kind: 'working'; fromMs: number; days: number } | { kind: 'fixed'; atMs: number };

/** The instant a basis falls on with this calendar; a year the calendar lacks keeps it where it was. */
export function dueMsOf(calendar: DeadlineCalendar, basis: TimerBasis, fallbackMs?: number): number {
  if (basis.kind === 'fixed') return basis.atMs;
  try {
    return calendar.addWorkingDays(new Date(basis.fromMs), basis.days).getTime();
  } catch (error) {
    if (fallbackMs !== undefined) return fallbackMs;
    throw error;
  }
}

/**
 * The basis of a deadline the workflow computed at `fromMs` (on the same calendar as ours at that
 * moment): the half-day multiple that gives back exactly `targetMs`, else the instant itself.
 */
export function basisOf(calendar: DeadlineCalendar, fromMs: number, targetMs: number): TimerBasis {
  try {
    const between = calendar.workingDaysBetween(new Date(fromMs), new Date(targetMs));
    const candidates = new Set([Math.floor(between * 2) / 2, Math.ceil(between * 2) / 2, 0]);
    for (const days of candidates) {
      if (days < 0) continue;
      if (calendar.addWorkingDays(new Date(fromMs), days).getTime() === targetMs) {
        return { kind: 'working', fromMs, days };
      }
    }
  } catch {
    // A year without a schedule: the instant is all we know.
  }
  return { kind: 'fixed', atMs: targetMs };
}

/** `basis` shortened by `days` working days (the yellow point before a deadline); none when nothing is left. */
export function earlierBy(basis: TimerBasis, days: number): TimerBasis | undefined {
  if (basis.kind !== 'working' || basis.days <= days) return undefined;
  return { kind: 'working', fromMs: basis.fromMs, days: basis.days - days };
}
