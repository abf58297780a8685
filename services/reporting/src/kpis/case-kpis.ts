import type { CaseCounters } from '../counters/case-metrics';
import { ratio, type Kpi } from './kpi';
import { DEFAULT_KPI_TARGETS, type KpiTargets } from './kpi-targets';

/**
 * The case KPIs of DOMAIN.md from the counters of a period (docs/reporting.md gives each formula
 * with its exclusions). `scope: 'unit'` measures a handling unit against the cases assigned to it
 * rather than the cases the center received. Each KPI carries its target from `targets`, if it has one.
 */
export function caseKpis(
  c: CaseCounters,
  scope: 'center' | 'unit' = 'center',
  targets: KpiTargets = DEFAULT_KPI_TARGETS,
): Kpi[] {
  // Merged duplicates and cases not accepted are no work of the center's or a unit's.
  const accepted = c.received - c.merged - c.declined;
  const toComplete = scope === 'unit' ? c.assigned : accepted;
  const completedAll = scope === 'unit' ? c.completed : c.completed + c.answeredAtIntake;
  const kpis = [
    ratio('dispatchOnTime', c.dispatchedOnTime, c.dispatched),
    ratio('onTimeCompletion', c.completedOnTime, c.completed),
    ratio('completion', completedAll, toComplete),
    ratio('firstContactResolution', c.answeredAtIntake, accepted),
    ratio('callbackRate', c.callbacks, c.completed - c.waived),
    ratio('satisfaction', c.satisfied, c.evaluated),
    ratio('processSatisfaction', c.processSatisfied, c.evaluated),
    ratio('resultSatisfaction', c.resultSatisfied, c.evaluated),
    ratio('beijingResponse', c.signedOnTime, c.assigned),
    ratio('beijingResolution', c.resultSatisfied, c.evaluated),
    ratio('beijingSatisfaction', c.satisfied, c.evaluated),
    ratio('signOnTime', c.signedOnTime, c.signed),
    ratio('returnRate', c.returned, c.assigned, { lowerIsBetter: true }),
    ratio('redoRate', c.redone, c.completed, { lowerIsBetter: true }),
    ratio('overdueRate', c.overdue, scope === 'unit' ? c.assigned : c.dispatched, { lowerIsBetter: true }),
    ratio('supervisionRate', c.supervised, scope === 'unit' ? c.assigned : c.dispatched, {
      lowerIsBetter: true,
    }),
    ratio('repeatContactRate', c.repeatContacts, scope === 'unit' ? c.assigned : accepted, {
      lowerIsBetter: true,
    }),
  ];
  return kpis.map((kpi) => (targets[kpi.key] === undefined ? kpi : { ...kpi, target: targets[kpi.key] }));
}
