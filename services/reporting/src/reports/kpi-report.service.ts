import {
  type GetContactCenterReport,
  type GetKpiReport,
  type GetReportCases,
  type PeriodKind,
} from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { emptyCounters, type CaseCounters } from '../counters/case-metrics';
import { CONTACT_CELLS } from '../counters/collections';
import { CONTACT_METRICS } from '../counters/contact-counters.projection';
import { caseKpis } from '../kpis/case-kpis';
import { contactKpis, type ContactCounters } from '../kpis/contact-kpis';
import type { Kpi } from '../kpis/kpi';
import { DEFAULT_KPI_TARGETS, type KpiTargets } from '../kpis/kpi-targets';
import { fixedKpiTargets, targetsFor, type KpiTargetsSource } from '../kpi-targets/kpi-targets-source';
import { checkRange, periodOf, previousRange, yearEarlier, type DayRange } from '../periods/periods';
import { dimensionKey, readCaseCells, sumCells, type CellDimension } from './case-cells.reader';
import { reportCases, type ReportCasesPage } from './report-cases';
import { scopeFilters } from './report-scope';

type KpiQuery = z.infer<(typeof GetKpiReport)['schema']>;
type CasesQuery = z.infer<(typeof GetReportCases)['schema']>;
type ContactQuery = z.infer<(typeof GetContactCenterReport)['schema']>;

export interface ReportRow {
  key: string;
  counters: CaseCounters;
  kpis: Kpi[];
}

export interface KpiReport {
  from: string;
  to: string;
  groupBy: string | null;
  totals: ReportRow;
  rows: ReportRow[];
  /** 同比: the same range a year earlier. */
  yearOnYear?: ReportRow & DayRange;
  /** 环比: the range of the same length just before. */
  periodOnPeriod?: ReportRow & DayRange;
  /** Who set the targets in force and when; absent while the setting's are (never edited). */
  targetsSet?: { version: number; by: { id: string; name?: string | undefined }; at: string };
}

const PERIODS = new Set<string>(['day', 'week', 'month', 'quarter', 'year']);

/** Reports from the counters: never a scan of cases (the case list of a drill-down reads one index). */
export class KpiReportService {
  constructor(
    private readonly store: ReadStore,
    /** The KPIs' targets in force (REPORTING_KPI_TARGETS until the center sets them). */
    private readonly targets: KpiTargetsSource = fixedKpiTargets(DEFAULT_KPI_TARGETS),
  ) {}

  async kpiReport(query: KpiQuery): Promise<KpiReport> {
    const range = checkRange({ from: query.from, to: query.to });
    const filters = scopeFilters(query.viewer, query);
    const scope = filters.unitId || query.groupBy === 'unit' ? 'unit' : 'center';
    const groupBy = query.groupBy;
    const period = groupBy && PERIODS.has(groupBy) ? (groupBy as PeriodKind) : undefined;
    const dimension = period ? 'day' : (groupBy as Exclude<CellDimension, 'day'> | undefined);
    const cells = await readCaseCells(this.store, range, filters, dimension);
    const effective = await this.targets.snapshot();
    // A district's report, and each district's row, measure against that district's own targets.
    const targets = targetsFor(effective, filters.districtId);
    const rowTargets = (key: string): KpiTargets =>
      groupBy === 'district' ? targetsFor(effective, key) : targets;
    const totals = sumCells(cells).get('') ?? emptyCounters();
    const grouped = groupBy
      ? sumCells(cells, period ? (cell) => periodOf(cell.day, period) : dimensionKey(dimension as never))
      : new Map<string, CaseCounters>();
    const rows = [...grouped.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, counters]) => row(key, counters, scope, rowTargets(key)));
    const report: KpiReport = {
      from: range.from,
      to: range.to,
      groupBy: groupBy ?? null,
      totals: row('total', totals, scope, targets),
      rows,
      ...(effective.setBy && effective.setAt
        ? { targetsSet: { version: effective.version, by: effective.setBy, at: effective.setAt } }
        : {}),
    };
    if (query.compare) {
      for (const [name, other] of [
        ['yearOnYear', yearEarlier(range)],
        ['periodOnPeriod', previousRange(range)],
      ] as const) {
        const counters = sumCells(await readCaseCells(this.store, other, filters)).get('') ?? emptyCounters();
        report[name] = { ...row(name, counters, scope, targets), ...other };
      }
    }
    return report;
  }

  /** The drill-down's last step: the cases behind a cell, newest first, a page at a time. */
  cases(query: CasesQuery): Promise<ReportCasesPage> {
    return reportCases(this.store, query);
  }

  async contactCenter(query: ContactQuery): Promise<{ totals: ContactRow; rows: ContactRow[] }> {
    const range = checkRange({ from: query.from, to: query.to });
    const filter: Record<string, unknown> = { day: { $gte: range.from, $lte: range.to } };
    if (query.viewer.districtId !== 'city') filter.districtId = query.viewer.districtId;
    if (query.queueId) filter.queueId = query.queueId;
    if (query.agentId) filter.agentId = query.agentId;
    const cells = await this.store.collection(CONTACT_CELLS).find<Record<string, unknown>>(filter);
    const field = { queue: 'queueId', agent: 'agentId', interval: 'slot', day: 'day' } as const;
    const groups = new Map<string, ContactCounters>();
    const total = emptyContactCounters();
    for (const cell of cells) {
      addContact(total, cell);
      if (!query.groupBy) continue;
      const key = String(cell[field[query.groupBy]]);
      // Queue counters live in the agent `-` cells: an agent row shows only what agents did.
      if (query.groupBy === 'agent' && key === '-') continue;
      let counters = groups.get(key);
      if (!counters) groups.set(key, (counters = emptyContactCounters()));
      addContact(counters, cell);
    }
    const rows = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, counters]) => ({ key, counters, kpis: contactKpis(counters) }));
    return { totals: { key: 'total', counters: total, kpis: contactKpis(total) }, rows };
  }
}

export interface ContactRow {
  key: string;
  counters: ContactCounters;
  kpis: Kpi[];
}

function row(key: string, counters: CaseCounters, scope: 'center' | 'unit', targets: KpiTargets): ReportRow {
  return { key, counters, kpis: caseKpis(counters, scope, targets) };
}

function emptyContactCounters(): ContactCounters {
  return Object.fromEntries(CONTACT_METRICS.map((metric) => [metric, 0])) as ContactCounters;
}

function addContact(into: ContactCounters, cell: Record<string, unknown>): void {
  for (const metric of CONTACT_METRICS) {
    const value = cell[metric];
    if (typeof value === 'number') into[metric] += value;
  }
}
