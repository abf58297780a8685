/**
 * Reports count in Beijing time (UTC+8, no daylight saving): a case registered at 23:30 UTC on the
 * 5th belongs to the 6th. Days are handled as `YYYY-MM-DD` text, which sorts and compares as dates.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing day of an instant. */
export function beijingDay(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing hour of an instant, `2026-12-06T08` (the key of the hourly counters). */
export function beijingHour(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 13);
}

/** The half-hour interval of an instant in Beijing time, `08:30`. */
export function beijingHalfHour(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const local = new Date(ms + OFFSET_MS).toISOString();
  return `${local.slice(11, 13)}:${Number(local.slice(14, 16)) < 30 ? '00' : '30'}`;
}

/** The instant an hour key (`2026-12-06T08`) starts. */
export function hourStart(hour: string): Date {
  return new Date(Date.parse(`${hour}:00:00.000Z`) - OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}
