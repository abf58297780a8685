/**
 * The KPIs' targets (the minimum, or for a lower-is-better KPI the maximum): the city's assessment
 * targets of DOMAIN.md unless the setting REPORTING_KPI_TARGETS overrides some. They are a setting,
 * not an admin-edited document: they change with the year's assessment rules, are reviewed with the
 * deployment's config and are the same on every replica (docs/reporting.md, "Targets").
 */
export type KpiTargets = Readonly<Record<string, number>>;

export const DEFAULT_KPI_TARGETS: KpiTargets = {
  dispatchOnTime: 0.9,
  onTimeCompletion: 0.95,
  completion: 0.95,
  callbackRate: 1,
  satisfaction: 0.95,
  processSatisfaction: 0.95,
  resultSatisfaction: 0.95,
};

/** The ratio KPIs of a case report (case-kpis.ts): the keys a target may name. */
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

const KNOWN = new Set<string>(CASE_KPI_KEYS);

/**
 * `onTimeCompletion=96%,satisfaction=0.9,returnRate=3%` over the defaults: a percentage or a ratio
 * from 0 to 1 per KPI. An unknown KPI or a value out of range throws, naming it.
 */
export function parseKpiTargets(text: string): KpiTargets {
  const targets: Record<string, number> = { ...DEFAULT_KPI_TARGETS };
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [key = '', raw = ''] = entry.split('=').map((part) => part.trim());
    if (!KNOWN.has(key)) {
      throw new Error(`REPORTING_KPI_TARGETS: "${key}" is not a KPI (one of ${CASE_KPI_KEYS.join(', ')})`);
    }
    const percent = raw.endsWith('%');
    const value = Number(percent ? raw.slice(0, -1) : raw) / (percent ? 100 : 1);
    if (raw === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new Error(
        `REPORTING_KPI_TARGETS: the target of ${key} must be a ratio from 0 to 1 or a percentage`,
      );
    }
    targets[key] = value;
  }
  return targets;
}
