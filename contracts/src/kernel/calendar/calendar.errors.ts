import { HotlineError } from '../errors';

/**
 * The calendar has no schedule for a year. Deadlines are never guessed from weekends alone: a wrong
 * deadline is worse than a loud failure, and the State Council publishes each year's schedule in
 * November, so operations add it (`withOverrides`) before it is needed.
 */
export class CalendarYearMissingError extends HotlineError {
  constructor(readonly year: number) {
    super(
      'unavailable',
      'CALENDAR_YEAR_MISSING',
      `the working calendar has no holiday schedule for ${year}: add the year's official schedule to the calendar data`,
      undefined,
      { year },
    );
  }
}
