import { z } from 'zod';
import type { WorkingCalendar } from '../../kernel/calendar';
import { parseOrThrow } from '../../kernel/validate';
import { WorkingDays, type CaseType, type Urgency } from '../case.values';

/**
 * Time limits of the closed loop, in working days (multiples of 0.5), configured per city.
 * The defaults are Fujian's (DOMAIN.md), plus our choices where Fujian sets none:
 * - report (举报): 15 — reports need an investigation; between Fujian's complaint limit (10) and the
 *   30 days cities with a 15-day complaint limit give;
 * - praise (表扬): 5 — forwarded to the unit for its information, like a suggestion;
 * - urgent or simple cases: 0, meaning the same working day (`WorkingCalendar.addWorkingDays`).
 * Handling limits count from dispatch (and start again at re-dispatch and redo); the dispatch limit
 * counts from registration.
 */
export const DeadlinePolicy = z.object({
  limits: z.object({
    consult: WorkingDays,
    complaint: WorkingDays,
    report: WorkingDays,
    suggestion: WorkingDays,
    help: WorkingDays,
    praise: WorkingDays,
  }),
  /** Complaints about an item of the city's convenience list (便民清单). */
  convenienceListComplaint: WorkingDays,
  /** Urgent or simple cases, any type. */
  urgentOrSimple: WorkingDays,
  /** From registration to dispatch; urgent cases are dispatched the same day. */
  dispatchWithin: WorkingDays,
  /** From dispatch to signing (签收). */
  signWithin: WorkingDays,
  /** From dispatch: after this a unit can no longer return the case (退单). */
  returnWithin: WorkingDays,
  /** Co-handlers reply this much before the lead's deadline, so the lead can consolidate. */
  coHandlerLeadTime: WorkingDays,
  /** An extension must be asked at least this long before the deadline. */
  extensionNoticeAtLeast: WorkingDays,
  /** A case turns yellow when this little working time is left. */
  yellowWithin: WorkingDays,
  /**
   * All extensions of one handling together add at most this share of the original limit
   * (DOMAIN.md: never longer than the original limit, i.e. 1).
   */
  extensionMaxShareOfLimit: z.number().positive().max(1),
  /**
   * A district office passes a case on to its own sub-units within this many hours of receiving
   * it (DOMAIN.md 3: 12 hours). Clock hours, not working hours: the rule is about hand-over speed.
   */
  subDispatchWithinHours: z.number().positive().max(72),
  /** The sub-dispatch window turns yellow when this few hours are left. */
  subDispatchYellowWithinHours: z.number().min(0).max(72),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  limits: { consult: 2, complaint: 10, report: 15, suggestion: 5, help: 3, praise: 5 },
  convenienceListComplaint: 3,
  urgentOrSimple: 0,
  dispatchWithin: 1,
  signWithin: 1,
  returnWithin: 1,
  coHandlerLeadTime: 1,
  extensionNoticeAtLeast: 0.5,
  yellowWithin: 1,
  extensionMaxShareOfLimit: 1,
  subDispatchWithinHours: 12,
  subDispatchYellowWithinHours: 4,
};

export type DeadlinePolicyOverrides = Partial<Omit<DeadlinePolicy, 'limits'>> & {
  limits?: Partial<DeadlinePolicy['limits']>;
};

/** The defaults with a city's overrides, validated: a bad value names its field under `deadlines`. */
export function resolveDeadlinePolicy(overrides: DeadlinePolicyOverrides = {}): DeadlinePolicy {
  const merged = {
    ...DEFAULT_DEADLINE_POLICY,
    ...overrides,
    limits: { ...DEFAULT_DEADLINE_POLICY.limits, ...overrides.limits },
  };
  return parseOrThrow(DeadlinePolicy, merged, 'deadlines');
}

/** What decides a case's handling limit. */
export interface HandlingProfile {
  type: CaseType;
  urgency: Urgency;
  simple: boolean;
  convenienceList: boolean;
}

export function handlingLimit(policy: DeadlinePolicy, profile: HandlingProfile): number {
  if (profile.urgency === 'urgent' || profile.simple) return policy.urgentOrSimple;
  if (profile.type === 'complaint' && profile.convenienceList) return policy.convenienceListComplaint;
  return policy.limits[profile.type];
}

/** When a registered case must be dispatched. */
export function dispatchDueBy(
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  registeredAt: Date,
  urgency: Urgency,
): Date {
  return calendar.addWorkingDays(registeredAt, urgency === 'urgent' ? 0 : policy.dispatchWithin);
}

export interface DispatchDeadlines {
  signBy: Date;
  returnBy: Date;
  dueAt: Date;
  limitWorkingDays: number;
  /** The default deadline of co-handlers' replies. */
  coHandlerDueAt: Date;
}

/** The deadlines a dispatch (or re-dispatch, or redo) at `now` sets. */
export function dispatchDeadlines(
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  now: Date,
  profile: HandlingProfile,
): DispatchDeadlines {
  const limitWorkingDays = handlingLimit(policy, profile);
  const dueAt = calendar.addWorkingDays(now, limitWorkingDays);
  // A same-day case must be signed (or returned) the same day, not after its own deadline.
  const capped = (days: number) =>
    new Date(Math.min(calendar.addWorkingDays(now, days).getTime(), dueAt.getTime()));
  return {
    signBy: capped(policy.signWithin),
    returnBy: capped(policy.returnWithin),
    dueAt,
    limitWorkingDays,
    coHandlerDueAt: calendar.addWorkingDays(now, Math.max(0, limitWorkingDays - policy.coHandlerLeadTime)),
  };
}
