import type { Kpi } from './reports-api';

/** A KPI as the reader sees it: `95.2%`, `18 秒`/`18 s`, or a dash when nothing was measured. */
export function kpiText(kpi: Kpi | undefined, seconds: string): string {
  if (!kpi || kpi.value === null) return '—';
  if (kpi.unit === 'seconds') return `${Math.round(kpi.value)} ${seconds}`;
  return `${(kpi.value * 100).toFixed(1)}%`;
}

/** Whether the KPI meets its target: undefined when it has none or nothing was measured. */
export function meetsTarget(kpi: Kpi | undefined): boolean | undefined {
  if (!kpi || kpi.value === null || kpi.target === undefined) return undefined;
  return kpi.lowerIsBetter ? kpi.value <= kpi.target : kpi.value >= kpi.target;
}

/** The change against a comparison period, in percentage points: `+2.5`, or undefined. */
export function pointsChange(now: Kpi | undefined, before: Kpi | undefined): number | undefined {
  if (!now || !before || now.value === null || before.value === null || now.unit === 'seconds')
    return undefined;
  return Math.round((now.value - before.value) * 1000) / 10;
}

/** A target as a percentage with at most one decimal: `95%`, `96.5%`. */
export function targetPercent(target: number): string {
  return `${Math.round(target * 1000) / 10}%`;
}
