import type { CallbackMethod, CaseChannel, CaseType, WorkingCalendar } from '@hotline/contracts';

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** How callbacks are made, per case type and channel (a channel's rule wins over its type's). */
export interface CallbackRules {
  byType: Partial<Record<CaseType, CallbackMethod>>;
  byChannel: Partial<Record<CaseChannel, CallbackMethod>>;
  /** When neither names the case: the desk. */
  fallback: CallbackMethod;
  /** Attempts that reach nobody before the citizen is unreachable. */
  maxAttempts: number;
  /** How long after a failed attempt the next one is due. */
  retryAfterMinutes: number;
  /** How long a signed SMS link stays valid. */
  linkValidHours: number;
  /** The SMS of a link: tries before the task falls back, the first wait (doubled each try), and the fallback. */
  sms: { maxTries: number; retryMinutes: number; fallback: Exclude<CallbackMethod, 'sms'> };
  calendar: WorkingCalendar;
}

/**
 * The method for a case: the channel's rule, else the type's, else the fallback. An SMS cannot reach
 * a landline (canonical landlines start with 0), so such a citizen is called from the desk.
 */
export function methodFor(
  rules: CallbackRules,
  facts: { type: CaseType; channel: CaseChannel; phone?: string },
): CallbackMethod {
  const method = rules.byChannel[facts.channel] ?? rules.byType[facts.type] ?? rules.fallback;
  if (method === 'sms' && facts.phone?.startsWith('0')) return 'desk';
  return method;
}

/** 回访 happens the next working day: the start of the first working half-day after `completedAt`'s day. */
export function callbackDueAfter(rules: CallbackRules, completedAt: Date): Date {
  const day = Math.floor((completedAt.getTime() + CST_OFFSET_MS) / DAY_MS);
  const nextDayStart = new Date((day + 1) * DAY_MS - CST_OFFSET_MS);
  return rules.calendar.nextWorkingMoment(nextDayStart);
}
