/**
 * The counters each cell of the case counters holds. Every one counts cases (or callbacks) in the
 * cell of the day the case was registered: a case's later steps (a dispatch, a reply, a callback
 * recorded days later) count in the period the case belongs to, so a report on November does not
 * change its denominators when December's events arrive, only its numerators fill in.
 */
export const CASE_METRICS = [
  'received',
  'answeredAtIntake',
  'declined',
  'merged',
  'dispatched',
  'dispatchedOnTime',
  'assigned',
  'signed',
  'signedOnTime',
  'returned',
  'replied',
  'completed',
  'completedOnTime',
  'redone',
  'extended',
  'reportedToLeader',
  'callbacks',
  'callbacksReached',
  'evaluated',
  'satisfied',
  'processSatisfied',
  'resultSatisfied',
  'dissatisfied',
  'waived',
  'closed',
  'repeatContacts',
  'overdue',
  'reminded',
  'supervised',
] as const;
export type CaseMetric = (typeof CASE_METRICS)[number];
export type CaseCounters = Record<CaseMetric, number>;

export function emptyCounters(): CaseCounters {
  return Object.fromEntries(CASE_METRICS.map((metric) => [metric, 0])) as CaseCounters;
}

export function addCounters(into: CaseCounters, from: Partial<Record<string, unknown>>): CaseCounters {
  for (const metric of CASE_METRICS) {
    const value = from[metric];
    if (typeof value === 'number') into[metric] += value;
  }
  return into;
}

/** Counters kept by the day an event happened (not the case's day): what the daily digest reports. */
export const ACTIVITY_METRICS = [
  'registered',
  'completed',
  'closed',
  'dissatisfied',
  'repeatContacts',
] as const;
export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];
