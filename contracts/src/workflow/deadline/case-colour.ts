import type { WorkingCalendar } from '../../kernel/calendar';
import type { DeadlinePolicy } from './deadline-policy';

export type CaseColour = 'green' | 'yellow' | 'red';

export interface ColourInput {
  now: Date;
  dueAt: Date;
  /** When the unit replied; a case answered in time stays green. */
  completedAt?: Date;
}

/**
 * Green within the limit, yellow when at most `yellowWithin` working days are left, red once the
 * deadline has passed (or the reply came after it). Derived, never stored: it changes with time.
 */
export function caseColour(
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  input: ColourInput,
): CaseColour {
  const { now, dueAt, completedAt } = input;
  const at = completedAt !== undefined && completedAt < now ? completedAt : now;
  if (at > dueAt) return 'red';
  if (completedAt !== undefined) return 'green';
  return calendar.workingDaysBetween(at, dueAt) <= policy.yellowWithin ? 'yellow' : 'green';
}
