import type { Filter, ReadStore } from '@hotline/infra/read-store';
import { addCounters, emptyCounters, type CaseCounters } from '../counters/case-metrics';
import { CASE_CELLS, type CellLevel } from '../counters/collections';
import type { DayRange } from '../periods/periods';
import type { ScopedFilters } from './report-scope';

export type CellDimension = 'district' | 'unit' | 'category' | 'channel' | 'type' | 'day';

export interface CaseCell extends Partial<Record<string, unknown>> {
  day: string;
  districtId: string;
  unitId?: string;
  categoryCode?: string;
  channel?: string;
  type?: string;
}

const FIELD: Record<Exclude<CellDimension, 'day'>, string> = {
  district: 'districtId',
  unit: 'unitId',
  category: 'categoryCode',
  channel: 'channel',
  type: 'type',
};

/** The smallest grain that holds every dimension the report filters on or groups by. */
export function levelFor(filters: ScopedFilters, groupBy: CellDimension | undefined): CellLevel {
  const needs = new Set<string>();
  if (filters.unitId) needs.add('unit');
  if (filters.categoryCode) needs.add('category');
  if (filters.channel) needs.add('channel');
  if (filters.type) needs.add('type');
  if (groupBy && groupBy !== 'day' && groupBy !== 'district') needs.add(groupBy);
  if (needs.size === 0) return 'd';
  if (needs.size === 1 && needs.has('unit')) return 'u';
  if (needs.size === 1 && needs.has('category')) return 'k';
  return 'c';
}

/**
 * The cells of a range at the right grain, filtered: an indexed range read of `ld` (grain and day,
 * 'u|2026-06-01'; the grain's letter is the same at both ends, so any string collation orders the
 * range by day), the other conditions checked on its rows.
 */
export async function readCaseCells(
  store: ReadStore,
  range: DayRange,
  filters: ScopedFilters,
  groupBy?: CellDimension,
): Promise<CaseCell[]> {
  const lvl = levelFor(filters, groupBy);
  const filter: Filter = { ld: { $gte: `${lvl}|${range.from}`, $lte: `${lvl}|${range.to}` } };
  if (filters.districtId) filter.districtId = filters.districtId;
  if (filters.unitId) filter.unitId = filters.unitId;
  if (filters.categoryCode) {
    const code = filters.categoryCode;
    filter[code.length === 2 ? 'cat2' : code.length === 4 ? 'cat4' : 'categoryCode'] = code;
  }
  if (filters.channel) filter.channel = filters.channel;
  if (filters.type) filter.type = filters.type;
  return store.collection(CASE_CELLS).find<CaseCell>(filter);
}

/** Sums cells into counters, per group key (`''` when not grouped). */
export function sumCells(
  cells: readonly CaseCell[],
  keyOf: (cell: CaseCell) => string = () => '',
): Map<string, CaseCounters> {
  const groups = new Map<string, CaseCounters>();
  for (const cell of cells) {
    const key = keyOf(cell);
    let counters = groups.get(key);
    if (!counters) groups.set(key, (counters = emptyCounters()));
    addCounters(counters, cell);
  }
  return groups;
}

export function dimensionKey(dimension: Exclude<CellDimension, 'day'>): (cell: CaseCell) => string {
  const field = FIELD[dimension];
  return (cell) => {
    const value = cell[field];
    return typeof value === 'string' ? value : '';
  };
}
