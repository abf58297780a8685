import { apiGet, apiPut, type QueryValue } from '../../api/http';

export interface Kpi {
  key: string;
  numerator: number;
  denominator: number;
  value: number | null;
  target?: number;
  lowerIsBetter?: boolean;
  unit?: 'ratio' | 'seconds';
}

export interface ReportRow {
  key: string;
  counters: Record<string, number>;
  kpis: Kpi[];
}

export interface KpiReport {
  from: string;
  to: string;
  groupBy: string | null;
  totals: ReportRow;
  rows: ReportRow[];
  yearOnYear?: ReportRow & { from: string; to: string };
  periodOnPeriod?: ReportRow & { from: string; to: string };
  /** Who set the targets in force and when; absent while the deployment's setting is (never edited). */
  targetsSet?: { version: number; by: TargetSetter; at: string };
}

export interface TargetSetter {
  id: string;
  name?: string;
}

/** The KPIs' targets in force (ratios), the city's and each district's own, and their version. */
export interface KpiTargetsView {
  version: number;
  targets: Record<string, number>;
  districtTargets: Record<string, Record<string, number>>;
  setBy?: TargetSetter;
  setAt?: string;
  /** Every edit, newest first. */
  history: { version: number; setBy: TargetSetter; setAt: string }[];
}

export interface HotTopic {
  kind: 'category' | 'term' | 'place';
  key: string;
  count: number;
  daily: number[];
  trend: number | null;
}

export interface Surge {
  kind: 'category' | 'term' | 'place';
  key: string;
  /** `city` when the city's counts surged, else the district whose own counts did. */
  districtId: string;
  hour: string;
  count: number;
  baselineMean: number;
  baselineSigma: number;
  caseIds: string[];
  caseNumbers: string[];
  announcement: string;
}

export interface UnitScorecard {
  unitId: string;
  name: string;
  level: string;
  assigned: number;
  signedOnTime: number | null;
  returnRate: number | null;
  completedOnTime: number | null;
  redoRate: number | null;
  satisfaction: number | null;
  repeatContacts: number;
  score: number;
  rank: number;
  rankInLevel: number;
}

export interface DigestCase {
  _id: string;
  caseNumber: string;
  summary: string;
  categoryCode: string;
  unitId: string;
  day: string;
}

export interface DailyDigest {
  date: string;
  counts: Record<'registered' | 'completed' | 'closed' | 'dissatisfied' | 'repeatContacts', number>;
  overdue: number;
  overdueCases: DigestCase[];
  hotTopics: HotTopic[];
  surges: Surge[];
  serious: DigestCase[];
  dissatisfied: DigestCase[];
}

export const getKpiTargets = () => apiGet<KpiTargetsView>('/api/reports/kpi-targets');
/** The whole table at once, on the version the editor read (a stale edit is refused). */
export const setKpiTargets = (
  body: Pick<KpiTargetsView, 'targets' | 'districtTargets'> & { expectedVersion: number },
  commandId: string,
) => apiPut<{ position: number }>('/api/reports/kpi-targets', { ...body, commandId });
export const getKpis = (query: Record<string, QueryValue>) => apiGet<KpiReport>('/api/reports/kpis', query);
export const getHotTopics = (days = 30) =>
  apiGet<{ from: string; to: string; topics: Record<HotTopic['kind'], HotTopic[]> }>(
    '/api/reports/hot-topics',
    {
      days,
    },
  );
export const getSurges = (hours = 24) => apiGet<{ surges: Surge[] }>('/api/reports/surges', { hours });
export const getScorecards = (from: string, to: string) =>
  apiGet<{ units: UnitScorecard[] }>('/api/reports/scorecards', { from, to });
export const getDigest = (date?: string) => apiGet<DailyDigest>('/api/reports/digest', date ? { date } : {});

/** A download link for an export of the same query (the browser saves the file). */
export function exportHref(
  kind: 'kpis' | 'scorecards',
  format: 'xlsx' | 'csv' | 'pdf',
  query: Record<string, QueryValue>,
): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  return `/api/reports/${kind}/export?${params.toString()}`;
}

/** Today and the first of the month in Beijing time: the default range (this month so far). */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * The case search listing a unit's cases registered in a range of Beijing days: the drill-down's last
 * step. The search takes instants (the first and last moment of the range in Beijing time), not days.
 */
export function unitCasesHref(unitId: string, range: { from: string; to: string }): string {
  const start = new Date(`${range.from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${range.to}T00:00:00+08:00`) + 86_400_000 - 1).toISOString();
  const params = new URLSearchParams({ unitId, registeredFrom: start, registeredTo: end });
  return `/center/cases?${params.toString()}`;
}
