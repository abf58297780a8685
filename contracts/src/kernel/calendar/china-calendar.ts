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
}

/** The national working calendar, optionally with a city's overrides and working hours. */
export function chinaWorkingCalendar(options: ChinaCalendarOptions = {}): WorkingCalendar {
  const national = new WorkingCalendar({ data: CN_PUBLIC_HOLIDAYS, hours: options.hours });
  return options.overrides ? national.withOverrides(options.overrides) : national;
}
