import type { CaseColour } from './case-colour';
import type { DeadlinePolicy } from './deadline-policy';

const HOUR_MS = 3_600_000;

/** Until when a district office that received a case at `receivedAt` may pass it to its sub-units. */
export const subDispatchDueBy = (policy: DeadlinePolicy, receivedAt: Date): Date =>
  new Date(receivedAt.getTime() + policy.subDispatchWithinHours * HOUR_MS);

/**
 * The colour of a district office's open sub-dispatch window (DOMAIN.md 3: within 12 hours):
 * yellow when at most `subDispatchYellowWithinHours` are left, red once it has passed with the
 * case still at the office. Clock hours, like the window itself.
 */
export function subDispatchColour(policy: DeadlinePolicy, now: Date, subDispatchBy: Date): CaseColour {
  const left = subDispatchBy.getTime() - now.getTime();
  if (left < 0) return 'red';
  return left <= policy.subDispatchYellowWithinHours * HOUR_MS ? 'yellow' : 'green';
}
