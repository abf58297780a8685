import type { DeadlinePoint, WorkingCalendar } from '@hotline/contracts';
import type { TimerBasis } from './timer-basis';

/** What the deadline book holds and hands out (the book itself is in deadline-book.ts). */

/** A point that is due: what the scheduler turns into a command. */
export interface DueTimer {
  kind: 'case' | 'supervision';
  /** The case id or the supervision id. */
  id: string;
  point: DeadlinePoint | 'rectify-by';
  key: string;
  dueAt: Date;
  unitId: string | undefined;
  districtId: string;
}

export interface PointTimer {
  key: string;
  basis: TimerBasis;
  dueMs: number;
}

/** What the book keeps of an open case: small, as a city holds a million of them. */
export interface TrackedCase {
  caseId: string;
  districtId: string;
  unitId: string | undefined;
  /** The deadline and its key (a dispatch or an extension gives a new one). */
  deadline: PointTimer | undefined;
  replied: boolean;
  points: Map<string, PointTimer>;
  /** `<point>:<key>` of the points already fired. */
  fired: Set<string>;
  underSupervision: boolean;
  reportedToLeader: boolean;
}

export interface TrackedSupervision {
  supervisionId: string;
  districtId: string;
  unitId: string;
  rectify: PointTimer;
  fired: boolean;
}

/** A book as saved between runs: the city's declared days, the open cases, the open supervisions. */
export interface BookState {
  days: Iterable<[string, 'holiday' | 'workday']>;
  cases: Iterable<TrackedCase>;
  supervisions: Iterable<TrackedSupervision>;
}

export interface DeadlineBookOptions {
  /** The national calendar; the city's declared days (from its settings events) are laid over it. */
  calendar: WorkingCalendar;
  /** The yellow point: this many working days before the deadline. */
  dueSoonWithin: number;
  /** Working days after signing by which the unit contacts the citizen. */
  firstContactWithin: number;
}
