import type { CalendarData } from './calendar-data';
import published from './cn-public-holidays.json';
import { WorkingCalendar } from './working-calendar';
import type { WorkingHours } from './working-hours';

const { source, ...years } = published;

/** China's official public-holiday schedules (State Council notices), by year. */
export const CN_PUBLIC_HOLIDAYS: CalendarData = years;
export const CN_PUBLIC_HOLIDAYS_SOURCE: string = source;

export interface ChinaCalendarOptions {
  /** The city's own holidays and working days, laid over the national schedule. */
  overrides?: CalendarData;
  hours?: WorkingHours;
  /**
   * Years after the last published schedule get a provisional one (see `provisionalYear`) so that
   * deadlines keep working on 1 January before the State Council's notice is loaded. Default 5;
   * 0 makes such a year throw `CalendarYearMissingError`.
   */
  provisionalYears?: number;
}

/**
 * A stand-in schedule for a year the State Council has not published yet: weekends off plus the
 * statutory holidays that fall on fixed solar dates (New Year's Day, Labour Day 1–2 May, National Day
 * 1–3 October). The lunar holidays and the make-up working days are unknown until the notice, so a
 * city loads the official schedule as an override as soon as it is published (usually in November).
 */
export function provisionalYear(year: number): CalendarData[string] {
  const fixed = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];
  return { holidays: fixed.map((day) => `${year}-${day}`), workdays: [] };
}

const lastPublishedYear = Math.max(...Object.keys(CN_PUBLIC_HOLIDAYS).map(Number));

/** The national working calendar, optionally with a city's overrides and working hours. */
export function chinaWorkingCalendar(options: ChinaCalendarOptions = {}): WorkingCalendar {
  const data: CalendarData = { ...CN_PUBLIC_HOLIDAYS };
  for (let i = 1; i <= (options.provisionalYears ?? 5); i++) {
    data[String(lastPublishedYear + i)] = provisionalYear(lastPublishedYear + i);
  }
  const national = new WorkingCalendar({ data, hours: options.hours });
  return options.overrides ? national.withOverrides(options.overrides) : national;
}
