import { ValidationError, type GetReportCases } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseFact } from '../counters/case-fact';
import { emptyCounters } from '../counters/case-metrics';
import { CASE_FACTS } from '../counters/collections';
import { checkRange } from '../periods/periods';
import { scopeFilters } from './report-scope';

type CasesQuery = z.infer<(typeof GetReportCases)['schema']>;
export type ReportCase = Omit<CaseFact, 'terms' | 'metrics'>;

export interface ReportCasesPage {
  cases: ReportCase[];
  limit: number;
  /** The cursor of the next page, null on the last. */
  next: string | null;
  /** Every case that matches, when asked for (`withTotal`). */
  total?: number;
}

interface Cursor {
  day: string;
  hour: string;
  id: string;
}

/** A page's cursor: the day, hour and id of its last case (the list's order, newest first). */
const encodeCursor = (fact: Pick<CaseFact, 'day' | 'hour' | '_id'>): string =>
  Buffer.from(JSON.stringify([fact.day, fact.hour, fact._id])).toString('base64url');

function decodeCursor(cursor: string): Cursor {
  try {
    const [day, hour, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof day === 'string' && typeof hour === 'string' && typeof id === 'string')
      return { day, hour, id };
  } catch {
    // the message below says what is wrong
  }
  throw new ValidationError('after', 'must be the `next` cursor of the previous page');
}

/** The day before `day` (calendar days, as the facts are keyed). */
const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The drill-down's last step and the case-list export: the cases behind a cell, newest first, a page
 * at a time by keyset (registration hour, then id), so an export of 100,000 rows reads each case
 * once and never skips over the pages before.
 */
export async function reportCases(store: ReadStore, query: CasesQuery): Promise<ReportCasesPage> {
  const range = checkRange({ from: query.from, to: query.to });
  const filters = scopeFilters(query.viewer, query);
  const filter: Record<string, unknown> = { day: { $gte: range.from, $lte: range.to } };
  if (filters.unitId) filter.unitId = filters.unitId;
  if (filters.districtId) filter.districtId = filters.districtId;
  if (filters.channel) filter.channel = filters.channel;
  if (filters.type) filter.type = filters.type;
  // Digits only (the contract's pattern): a prefix selects the category's branch.
  if (filters.categoryCode) filter.categoryCode = { $regex: `^${filters.categoryCode}` };
  if (query.metric) {
    if (!(query.metric in emptyCounters())) throw unknownMetric(query.metric);
    filter.metrics = { $all: [query.metric] };
  }
  const facts = store.collection(CASE_FACTS);
  const total = query.withTotal ? await facts.countDocuments(filter) : undefined;
  // Day by day, newest first: each query reads one day's cases by the day index and sorts only
  // those, so a page deep into a list of 100,000 costs what the first one does.
  const cursor = query.after ? decodeCursor(query.after) : undefined;
  const found: CaseFact[] = [];
  for (
    let day = cursor?.day ?? range.to;
    day >= range.from && found.length < query.limit;
    day = dayBefore(day)
  ) {
    const ofDay: Record<string, unknown> = { ...filter, day };
    const page = cursor && day === cursor.day ? { $and: [ofDay, after(cursor)] } : ofDay;
    found.push(
      ...(await facts.find<CaseFact>(page, {
        sort: { hour: -1, _id: -1 },
        limit: query.limit - found.length,
      })),
    );
  }
  const last = found.at(-1);
  return {
    cases: found.map(({ terms: _terms, metrics: _metrics, ...fact }) => {
      delete (fact as Record<string, unknown>)._pos;
      return fact;
    }),
    limit: query.limit,
    next: last && found.length === query.limit ? encodeCursor(last) : null,
    ...(total === undefined ? {} : { total }),
  };
}

const after = ({ hour, id }: Cursor) => ({
  $or: [{ hour: { $lt: hour } }, { hour, _id: { $lt: id } }],
});

function unknownMetric(metric: string): ValidationError {
  return new ValidationError(
    'metric',
    `${metric} is not a counter (${Object.keys(emptyCounters()).join(', ')})`,
  );
}
