import { z } from 'zod';
import { dayOfLocalDate } from './china-time';

const LocalDateText = z.string().refine((v) => dayOfLocalDate(v) !== undefined, 'must be a date YYYY-MM-DD');

/**
 * One year's official schedule. `holidays` are days off, weekend days inside a holiday block
 * included; `workdays` are weekend days made working days (调休上班). Any other Monday–Friday is a
 * working day and any other Saturday or Sunday is not.
 */
export const YearSchedule = z.object({
  holidays: z.array(LocalDateText).max(366),
  workdays: z.array(LocalDateText).max(366),
});
export type YearSchedule = z.infer<typeof YearSchedule>;

/** Schedules by year, `{ "2025": { holidays, workdays } }`. */
export const CalendarData = z
  .record(z.string().regex(/^\d{4}$/, 'must be a four-digit year'), YearSchedule)
  .superRefine((data, ctx) => {
    for (const [year, schedule] of Object.entries(data)) {
      const days = new Set(schedule.holidays);
      for (const list of ['holidays', 'workdays'] as const) {
        schedule[list].forEach((date, index) => {
          if (!date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: [year, list, index], message: `${date} is not in ${year}` });
          }
          if (list === 'workdays' && days.has(date)) {
            ctx.addIssue({ code: 'custom', path: [year, list, index], message: `${date} is also a holiday` });
          }
        });
      }
    }
  });
export type CalendarData = z.infer<typeof CalendarData>;

/**
 * A city's own schedule laid over the national one: a date the city declares a holiday stops being
 * a make-up working day and the other way round; a year only the city knows is taken as given.
 */
export function mergeCalendarData(base: CalendarData, overrides: CalendarData): CalendarData {
  const merged: CalendarData = { ...base };
  for (const [year, own] of Object.entries(overrides)) {
    const national = base[year] ?? { holidays: [], workdays: [] };
    const ownHolidays = new Set(own.holidays);
    const ownWorkdays = new Set(own.workdays);
    merged[year] = {
      holidays: unique([...national.holidays.filter((d) => !ownWorkdays.has(d)), ...own.holidays]),
      workdays: unique([...national.workdays.filter((d) => !ownHolidays.has(d)), ...own.workdays]),
    };
  }
  return merged;
}

const unique = (dates: string[]): string[] => [...new Set(dates)].sort();
