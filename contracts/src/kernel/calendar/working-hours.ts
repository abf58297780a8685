import { z } from 'zod';
import { minutesOfLocalTime } from './china-time';

const LocalTime = z.string().refine((v) => minutesOfLocalTime(v) !== undefined, 'must be a time HH:mm');

const Session = z
  .object({ start: LocalTime, end: LocalTime })
  .refine((s) => minutes(s.start) < minutes(s.end), 'start must be before end');

/**
 * The two working half-days of a working day. Half-day precision in deadlines means counting these
 * sessions, so the lunch break and the night never consume a unit's time.
 */
export const WorkingHours = z
  .object({ morning: Session, afternoon: Session })
  .refine(
    (h) => minutes(h.morning.end) <= minutes(h.afternoon.start),
    'the morning must end before the afternoon',
  );
export type WorkingHours = z.infer<typeof WorkingHours>;

/**
 * Chinese government offices' usual hours (winter timetable). Cities on a summer timetable
 * (14:30–18:00 afternoons) configure their own.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  morning: { start: '08:30', end: '12:00' },
  afternoon: { start: '14:00', end: '17:30' },
};

/** A session as minutes after midnight, [start, end). */
export interface SessionMinutes {
  start: number;
  end: number;
}

function minutes(time: string): number {
  return minutesOfLocalTime(time) ?? Number.NaN;
}

export const sessionMinutesOf = (hours: WorkingHours): readonly [SessionMinutes, SessionMinutes] => [
  { start: minutes(hours.morning.start), end: minutes(hours.morning.end) },
  { start: minutes(hours.afternoon.start), end: minutes(hours.afternoon.end) },
];
