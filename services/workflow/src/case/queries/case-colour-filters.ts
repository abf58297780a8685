import type { CaseColour, DeadlinePolicy, WorkingCalendar } from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';

/**
 * The latest deadline that is yellow at `now`: `workingDaysBetween(now, deadline) <= yellowWithin`
 * holds exactly for deadlines up to it (working time only grows), found by bisection to the ms.
 */
export function dueSoonUntil(calendar: WorkingCalendar, policy: DeadlinePolicy, now: Date): Date {
  let low = now.getTime();
  let high = calendar.addWorkingDays(now, policy.yellowWithin + 1).getTime();
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (calendar.workingDaysBetween(now, new Date(middle)) <= policy.yellowWithin) low = middle;
    else high = middle;
  }
  return new Date(low);
}

/** Cases whose deadline passed without a reply (dispatch or handling). */
export const overdueFilter = (now: string): Filter => ({
  hasDeadline: true,
  replied: false,
  deadlineAt: { $lt: now },
});

/** Cases a district office still holds after its sub-dispatch window passed. */
export const subDispatchOverdueFilter = (now: string): Filter => ({
  subDispatchBy: { $ne: null, $lt: now },
});

/** The colour `caseColour` gives at `now`, as a filter on the stored deadline and reply fields. */
export function colourFilter(colour: CaseColour, now: string, yellowUntil: string): Filter {
  switch (colour) {
    case 'red':
      return { hasDeadline: true, $or: [{ replied: true, repliedLate: true }, overdueFilter(now)] };
    case 'yellow':
      return { hasDeadline: true, replied: false, deadlineAt: { $gte: now, $lte: yellowUntil } };
    case 'green':
      return {
        hasDeadline: true,
        $or: [
          { replied: true, repliedLate: false },
          { replied: false, deadlineAt: { $gt: yellowUntil } },
        ],
      };
    default: {
      const unknown: never = colour;
      return unknown;
    }
  }
}
