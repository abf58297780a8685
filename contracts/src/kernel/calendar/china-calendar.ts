import type { CalendarData } from './calendar-data';
import published from './cn-public-holidays.json';
import { lunarHolidays } from './lunar-holidays';
import { WorkingCalendar } from './working-calendar';
import type { WorkingHours } from './working-hours';

const { source, ...years } = published;

/** China's official public-holiday schedules (State Council notices), by year. */
export const CN_PUBLIC_HOLIDAYS: CalendarData = years;
export const CN_PUBLIC_HOLIDAYS_SOURCE: string = source;

export interface ChinaCalendarOptions {
  /** The city's own holidays and working days, laid over the national schedule. */
  overrides?: CalendarData;
  /**
   * State Council notices published after this release (same shape as the shipped schedules): each
   * year in it is official and replaces its provisional schedule.
   */
  notices?: CalendarData;
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
 * statutory holidays, the fixed solar dates (New Year's Day, Labour Day 1–2 May, National Day
 * 1–3 October) and the lunar ones computed (`lunarHolidays`). The bridging days and the make-up
 * working days are unknown until the notice, so the year is provisional (`isProvisional`) until a
 * city loads the notice (`notices`, usually published in November).
 */
export function provisionalYear(year: number): CalendarData[string] {
  const fixed = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'].map((day) => `${year}-${day}`);
  return { holidays: [...new Set([...fixed, ...lunarHolidays(year)])].sort(), workdays: [] };
}

/** The national working calendar, optionally with later notices, a city's overrides and working hours. */
export function chinaWorkingCalendar(options: ChinaCalendarOptions = {}): WorkingCalendar {
  const data: CalendarData = { ...CN_PUBLIC_HOLIDAYS, ...options.notices };
  const lastOfficialYear = Math.max(...Object.keys(data).map(Number));
  const provisional: number[] = [];
  for (let i = 1; i <= (options.provisionalYears ?? 5); i++) {
    data[String(lastOfficialYear + i)] = provisionalYear(lastOfficialYear + i);
    provisional.push(lastOfficialYear + i);
  }
  const national = new WorkingCalendar({ data, hours: options.hours, provisional });
  return options.overrides ? national.withOverrides(options.overrides) : national;
}
