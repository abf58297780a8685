import { CASE_KPI_KEYS } from '@hotline/contracts';

/**
 * The KPIs' targets (the minimum, or for a lower-is-better KPI the maximum): the city's assessment
 * targets of DOMAIN.md unless the setting REPORTING_KPI_TARGETS overrides some. The setting is the
 * initial value: once the center sets the targets on screen (SetKpiTargets), those are in force
 * (docs/reporting.md, "Targets").
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
