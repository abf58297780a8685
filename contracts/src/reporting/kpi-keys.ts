// No zod here: the console imports this file alone.

/** The ratio KPIs of a case report (the reporting service's case-kpis.ts): the keys a target may name. */
export const CASE_KPI_KEYS = [
  'dispatchOnTime',
  'onTimeCompletion',
  'completion',
  'firstContactResolution',
  'callbackRate',
  'satisfaction',
  'processSatisfaction',
  'resultSatisfaction',
  'beijingResponse',
  'beijingResolution',
  'beijingSatisfaction',
  'signOnTime',
  'returnRate',
  'redoRate',
  'overdueRate',
  'supervisionRate',
  'repeatContactRate',
] as const;
export type CaseKpiKey = (typeof CASE_KPI_KEYS)[number];

/** KPIs whose target is a maximum (fewer returns, redos, overdue cases… is better). */
export const LOWER_IS_BETTER_KPIS: readonly CaseKpiKey[] = [
  'returnRate',
  'redoRate',
  'overdueRate',
  'supervisionRate',
  'repeatContactRate',
];
