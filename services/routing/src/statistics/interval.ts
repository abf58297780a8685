/** 15- and 30-minute intervals start on the quarter and half hour (the same in UTC and China time). */
export type IntervalMinutes = 15 | 30;

export const intervalStart = (ms: number, minutes: IntervalMinutes): number =>
  Math.floor(ms / (minutes * 60_000)) * minutes * 60_000;
