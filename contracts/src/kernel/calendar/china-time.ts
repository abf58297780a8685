/**
 * China Standard Time: UTC+8 all year (no daylight saving since 1991). Every calendar computation
 * works on "day numbers" (days since 1970-01-01 in CST) so that the host's timezone never matters.
 */
const CST_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** An ISO local date in CST, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The CST day number of an instant. */
export const dayNumberOf = (at: Date): number => Math.floor((at.getTime() + CST_OFFSET_MS) / DAY_MS);

/** The `YYYY-MM-DD` of a CST day number. */
export const localDateOfDay = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The instant (epoch ms) at which a CST day starts. */
export const startOfDayMs = (day: number): number => day * DAY_MS - CST_OFFSET_MS;

/** 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The CST day number of a local date, or undefined when the text is not a real calendar date. */
export const dayOfLocalDate = (date: string): number | undefined => {
  const match = LOCAL_DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  return localDateOfDay(day) === date ? day : undefined;
};

/** Minutes after midnight of an `HH:mm` time, or undefined when malformed. */
export const minutesOfLocalTime = (time: string): number | undefined => {
  const match = LOCAL_TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/** The instant of a CST wall-clock time, e.g. `chinaTime('2025-01-27', '09:00')`. */
export const chinaTime = (date: LocalDate, time = '00:00'): Date => {
  const day = dayOfLocalDate(date);
  const minutes = minutesOfLocalTime(time);
  if (day === undefined || minutes === undefined)
    throw new RangeError(`not a CST date and time: ${date} ${time}`);
  return new Date(startOfDayMs(day) + minutes * 60_000);
};

/** `YYYY-MM-DD HH:mm` in CST: readable deadlines in messages and tests. */
export const formatChinaTime = (at: Date): string =>
  new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
