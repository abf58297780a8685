/**
 * Case search latencies for the workflow benchmark: through the query service as the center sees
 * it (the city district: no scope filter), and the raw engine running the same filter, sort and
 * page straight on the collection.
 */
import { SearchCases, type SearchCases as SearchCasesDefinition } from '@hotline/contracts';
import { generatedSource } from '@hotline/infra/projection';
import type { Filter, FindOptions, ReadStore } from '@hotline/infra/read-store';
import {
  CaseQueryService,
  SAMPLE_CITY_UNITS,
  WorkflowReadModels,
  defaultWorkflowSettings,
  staticUnitDirectory,
} from '@hotline/workflow';
import { caseSearchFilter, dueSoonUntil, type SearchCasesQuery } from '@hotline/workflow/testing';
import type { z } from 'zod';
import { historyEvents, historyLength } from './workflow-bench-events';

type SearchInput = Omit<z.input<(typeof SearchCasesDefinition)['schema']>, 'viewer'>;

export const QUERIES: SearchInput[] = [
  { text: '噪声', districtId: 'gulou' },
  { text: '路灯 积水' },
  { status: ['signed', 'dispatched'], districtId: 'taijiang', sort: 'deadlineAt', order: 'asc' },
  { colour: 'yellow' },
  { unitId: 'gulou-dongjie', status: ['signed'] },
  { categoryCode: '010000', page: 3 },
  { registeredFrom: '2026-03-03T00:00:00Z', registeredTo: '2026-03-03T12:00:00Z' },
  { overdue: false, type: ['consult'], text: '物业' },
];

const NOW = new Date('2026-03-06T02:00:00Z');
const viewer = { actor: { id: 'bench-center', role: 'center' }, districtId: 'city' };
const settings = defaultWorkflowSettings();

export interface Latencies {
  sorted: number[];
  seconds: number;
}

/** Stops early after this long (with at least two rounds of every shape): scans over a million take seconds. */
const MAX_SECONDS = 180;

async function measure(
  count: number,
  one: (query: SearchCasesQuery) => Promise<unknown>,
): Promise<Latencies> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (i >= 2 * QUERIES.length && (performance.now() - started) / 1000 > MAX_SECONDS) break;
    const query = SearchCases.schema.parse({ ...QUERIES[i % QUERIES.length], viewer });
    const t = performance.now();
    await one(query);
    latencies.push(performance.now() - t);
  }
  return { sorted: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

export function searchLatencies(store: ReadStore, count: number): Promise<Latencies> {
  const service = new CaseQueryService({
    store,
    readModels: new WorkflowReadModels({ store, source: () => generatedSource(0, () => []) }),
    units: staticUnitDirectory(SAMPLE_CITY_UNITS),
    settings,
    clock: { now: () => NOW },
  });
  return measure(count, (query) => service.search(query));
}

/** The workflow read models of `count` generated cases, built into `store` (for the plans tests). */
export async function buildCases(store: ReadStore, count: number): Promise<void> {
  const head = historyLength(count);
  const readModels = new WorkflowReadModels({
    store,
    source: () => generatedSource(head, () => historyEvents(count)),
  });
  await readModels.start();
  await readModels.caughtUp();
  await readModels.stop();
}

/** The filter and page of a search as the query service asks the store, without a scope. */
export function searchStatement(query: SearchCasesQuery): { filter: Filter; options: FindOptions } {
  const filter = caseSearchFilter(query, {}, NOW, dueSoonUntil(settings.calendar, settings.deadlines, NOW));
  const order = query.order === 'asc' ? 1 : -1;
  return {
    filter,
    options: {
      sort: { [query.sort]: order, _id: order },
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    },
  };
}

/** `searchStatement` of one of the QUERIES. */
export const shapeStatement = (input: SearchInput): { filter: Filter; options: FindOptions } =>
  searchStatement(SearchCases.schema.parse({ ...input, viewer }));

export function rawSearchLatencies(store: ReadStore, count: number): Promise<Latencies> {
  const cases = store.collection('workflow_cases');
  return measure(count, (query) => {
    const { filter, options } = searchStatement(query);
    return Promise.all([cases.countDocuments(filter), cases.find(filter, options)]);
  });
}

/** Latencies per query shape (`rounds` searches of each), through the query service. */
export async function searchLatenciesByShape(store: ReadStore, rounds: number): Promise<Latencies[]> {
  const service = new CaseQueryService({
    store,
    readModels: new WorkflowReadModels({ store, source: () => generatedSource(0, () => []) }),
    units: staticUnitDirectory(SAMPLE_CITY_UNITS),
    settings,
    clock: { now: () => NOW },
  });
  const shapes: Latencies[] = [];
  for (const input of QUERIES) {
    const query = SearchCases.schema.parse({ ...input, viewer });
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await service.search(query);
      latencies.push(performance.now() - t);
    }
    shapes.push({ sorted: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 });
  }
  return shapes;
}
