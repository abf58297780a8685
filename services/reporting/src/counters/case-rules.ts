import { beijingDay, beijingHour } from '../periods/beijing-time';
import type { CaseFact } from './case-fact';
import { CENTER } from './case-fact';
import type { ActivityMetric, CaseMetric } from './case-metrics';

/** What a rule may do while one event is applied. */
export interface RuleContext {
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** When the event happened (ISO). */
  readonly time: string;
  readonly districtId: string;
  /** The case as the projection knows it (undefined before its CaseRegistered). */
  readonly fact: CaseFact | undefined;
  /** Creates the case (CaseRegistered). */
  register(fact: CaseFact): void;
  /** Adds to a counter in the case's cell (its day, district, current unit, category, channel, type). */
  count(metric: CaseMetric, by?: number): void;
  /** Adds to a counter once per case: a redone case completed again is still one completed case. */
  countOnce(metric: CaseMetric): void;
  /** Adds to a counter of the day the event happened. */
  activity(metric: ActivityMetric): void;
  /** Changes the case; counts after it go to the new unit. */
  patch(change: Partial<CaseFact>): void;
}

type Rule = (context: RuleContext) => void;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const lead = (data: Record<string, unknown>): { unitId: string; signBy: string } =>
  data.lead as { unitId: string; signBy: string };
const onTime = (time: string, limit: string | null | undefined): boolean =>
  limit !== null && limit !== undefined && Date.parse(time) <= Date.parse(limit);

function dispatch(context: RuleContext): void {
  const { data, fact, time } = context;
  if (fact && !fact.everDispatched) {
    context.countOnce('dispatched');
    if (onTime(time, fact.dispatchBy)) context.countOnce('dispatchedOnTime');
  }
  const { unitId, signBy } = lead(data);
  context.patch({ unitId, signBy, dueAt: str(data.dueAt), everDispatched: true, status: 'open' });
  context.count('assigned');
}

/**
 * One entry per event type: what it adds to the counters. A service that lands new events (the
 * escalation's supervisions, the survey's polls) adds its entries here; the projection takes
 * exactly the types listed. The KPIs in docs/reporting.md are ratios of these counters.
 */
export const CASE_RULES: Record<string, Rule> = {
  CaseRegistered: (context) => {
    const { data, time, districtId } = context;
    const place = data.place as { address?: string } | undefined;
    context.register({
      _id: str(data.caseId),
      caseNumber: str(data.caseNumber),
      day: beijingDay(time),
      hour: beijingHour(time),
      districtId,
      unitId: CENTER,
      categoryCode: str(data.categoryCode),
      channel: str(data.channel),
      type: str(data.type),
      urgent: data.urgency === 'urgent',
      summary: str(data.content).slice(0, 80),
      place: place?.address ?? null,
      terms: [],
      dispatchBy: str(data.dispatchBy),
      signBy: null,
      dueAt: null,
      everDispatched: false,
      evaluated: false,
      metrics: [],
      status: 'open',
      completedAt: null,
    });
    context.countOnce('received');
    context.activity('registered');
  },
  CaseAnsweredAtIntake: (context) => {
    context.countOnce('answeredAtIntake');
    context.patch({ status: 'answered' });
  },
  CaseDeclined: (context) => {
    context.countOnce('declined');
    context.patch({ status: 'declined' });
  },
  CaseMerged: (context) => {
    context.countOnce('merged');
    context.patch({ status: 'merged' });
  },
  CaseDispatched: dispatch,
  CaseDispatchedToFallbackUnit: dispatch,
  CaseRedispatched: dispatch,
  CaseSubDispatched: (context) => {
    context.patch({ unitId: str(context.data.toUnitId), signBy: str(context.data.signBy) });
    context.count('assigned');
  },
  CaseSigned: (context) => {
    if (context.data.role !== 'lead') return;
    context.count('signed');
    if (onTime(context.time, context.fact?.signBy)) context.count('signedOnTime');
  },
  CaseReturned: (context) => {
    if (context.data.role !== 'lead') return;
    context.count('returned');
    context.patch({ unitId: str(context.data.returnedToUnitId) || CENTER, signBy: null });
  },
  CaseExtensionApproved: (context) => {
    context.count('extended');
    context.patch({ dueAt: str(context.data.dueAt) });
  },
  CaseReplied: (context) => context.count('replied'),
  CaseCompleted: (context) => {
    context.countOnce('completed');
    if (onTime(context.time, context.fact?.dueAt)) context.countOnce('completedOnTime');
    context.activity('completed');
    context.patch({ status: 'completed', completedAt: context.time });
  },
  CaseRedone: (context) => {
    context.count('redone');
    const { unitId, signBy } = lead(context.data);
    context.patch({ unitId, signBy, dueAt: str(context.data.dueAt), status: 'open' });
  },
  CaseReportedToLeader: (context) => context.countOnce('reportedToLeader'),
  CaseCallbackRecorded: (context) => {
    const { data, fact } = context;
    context.countOnce('callbacks');
    if (data.reached !== true) return;
    context.countOnce('callbacksReached');
    // The first evaluation is the case's: a redo's callback does not turn a dissatisfied case round.
    if (fact?.evaluated) return;
    const ratings = data.ratings as { efficiency: string; attitude: string; result: string };
    const ok = (rating: string): boolean => rating !== 'dissatisfied';
    context.countOnce('evaluated');
    if (ok(ratings.efficiency) && ok(ratings.attitude) && ok(ratings.result)) context.countOnce('satisfied');
    else {
      context.countOnce('dissatisfied');
      context.activity('dissatisfied');
    }
    if (ok(ratings.efficiency) && ok(ratings.attitude)) context.countOnce('processSatisfied');
    if (ok(ratings.result)) context.countOnce('resultSatisfied');
    context.patch({ evaluated: true });
  },
  CaseClosed: (context) => {
    context.countOnce('closed');
    if (context.data.callbackWaiver) context.countOnce('waived');
    context.activity('closed');
    context.patch({ status: 'closed' });
  },
  // The escalation service's timers, reminders (催办) and supervision (督办).
  CaseDeadlinePointReached: (context) => {
    if (context.data.point === 'overdue') context.countOnce('overdue');
  },
  ReminderSent: (context) => context.countOnce('reminded'),
  SupervisionOpened: (context) => context.countOnce('supervised'),
  CaseRepeatContactRecorded: (context) => {
    context.count('repeatContacts');
    context.activity('repeatContacts');
  },
};

export const CASE_EVENT_TYPES = Object.keys(CASE_RULES);
