import type { WorkingCalendar } from '../../kernel/calendar';
import type { DeadlinePolicy } from './deadline-policy';

export interface ExtensionInput {
  now: Date;
  /** The deadline in force. */
  dueAt: Date;
  requestedDueAt: Date;
  /** The case's original handling limit. */
  limitWorkingDays: number;
  /** Working days already granted by earlier extensions of this handling. */
  extendedWorkingDays: number;
}

export type ExtensionVerdict =
  | { allowed: true; workingDays: number }
  | { allowed: false; rule: 'not-later' | 'too-late' | 'too-long'; reason: string };

/** Floating-point slack when comparing sums of working-day fractions. */
const EPSILON = 1e-9;

/**
 * 延期: asked at least `extensionNoticeAtLeast` working days before the deadline in force, for a
 * later date, and all extensions together never longer than `extensionMaxShareOfLimit` of the
 * original limit.
 */
export function checkExtension(
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  input: ExtensionInput,
): ExtensionVerdict {
  const { now, dueAt, requestedDueAt, limitWorkingDays, extendedWorkingDays } = input;
  const workingDays = requestedDueAt > dueAt ? calendar.workingDaysBetween(dueAt, requestedDueAt) : 0;
  if (workingDays < EPSILON) {
    return {
      allowed: false,
      rule: 'not-later',
      reason: 'the requested date adds no working time to the deadline in force',
    };
  }
  const notice = calendar.workingDaysBetween(now, dueAt);
  if (notice + EPSILON < policy.extensionNoticeAtLeast) {
    return {
      allowed: false,
      rule: 'too-late',
      reason: `an extension must be asked at least ${policy.extensionNoticeAtLeast} working days before the deadline`,
    };
  }
  const most = limitWorkingDays * policy.extensionMaxShareOfLimit;
  if (extendedWorkingDays + workingDays > most + EPSILON) {
    return {
      allowed: false,
      rule: 'too-long',
      reason: `extensions may add at most ${most} working days (${extendedWorkingDays} already granted)`,
    };
  }
  return { allowed: true, workingDays };
}
