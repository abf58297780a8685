import { CITY_DISTRICT, type GetSurges, type QueryViewer } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseFact } from '../counters/case-fact';
import { CASE_FACTS, HOURLY_CELLS, hourlyCellId } from '../counters/collections';
import { beijingHour, hourStart } from '../periods/beijing-time';
import { announcementFor, detectSurge, type TopicKind } from './surge';

export type SurgesQuery = z.infer<(typeof GetSurges)['schema']> & { minCount: number };

export interface Surge {
  kind: TopicKind;
  key: string;
  /** Whose counts surged: `city` (the whole city's against its baseline) or a district (its own). */
  districtId: string;
  /** The hour (its start) that surged. */
  hour: string;
  count: number;
  baselineMean: number;
  baselineSigma: number;
  /** The cases of that hour that make the cluster: the batch merge's candidates. */
  caseIds: string[];
  caseNumbers: string[];
  /** The districts of the cluster's cases, sorted. */
  districtIds: string[];
  /** A live IVR announcement the supervisor may place before the queue (zh-CN). */
  announcement: string;
}

interface HourlyCell {
  districtId: string;
  kind: TopicKind;
  key: string;
  n: number;
}

/** The same storm seen at two scopes (the city's counts and its district's) is one surge. */
const stormKey = (surge: Pick<Surge, 'kind' | 'key' | 'hour'>) => `${surge.kind}|${surge.key}|${surge.hour}`;

/**
 * Surges: for each of the last hours, every category, keyword and place whose contacts in that hour
 * exceed the mean of the same weekday and hour over the weeks before by k standard deviations, tested
 * on the city's counts and on each district's own (a storm in one district is small beside the city's
 * baseline). A storm that surges at both scopes is reported once: to a city viewer as the city's (its
 * cluster names the districts), to a district's viewer as the district's own.
 */
export async function scanSurges(
  store: ReadStore,
  query: SurgesQuery,
  now: Date,
  categoryName: (code: string) => string,
): Promise<Surge[]> {
  const latest = beijingHour(query.at ?? now);
  const viewerDistrict = query.viewer.districtId;
  const scopes = viewerDistrict === CITY_DISTRICT ? undefined : [CITY_DISTRICT, viewerDistrict];
  const found: Surge[] = [];
  for (let back = 0; back < query.hours; back += 1) {
    const hour = beijingHour(new Date(hourStart(latest).getTime() - back * 3_600_000));
    const filter: Record<string, unknown> = { hour, n: { $gte: query.minCount } };
    if (scopes) filter.districtId = { $in: scopes };
    const cells = await store.collection(HOURLY_CELLS).find<HourlyCell>(filter);
    for (const cell of cells) {
      const surge = await testCell(store, query, hour, cell, categoryName);
      if (surge) found.push(surge);
    }
  }
  // The viewer's own scope wins: the city's for the city, the district's own for a district.
  const preferred = (surge: Surge) => surge.districtId === viewerDistrict;
  const kept = new Map<string, Surge>();
  for (const surge of found) {
    const before = kept.get(stormKey(surge));
    if (!before || (!preferred(before) && preferred(surge))) kept.set(stormKey(surge), surge);
  }
  return [...kept.values()].sort((a, b) => b.count / (b.baselineMean + 1) - a.count / (a.baselineMean + 1));
}

async function testCell(
  store: ReadStore,
  query: SurgesQuery,
  hour: string,
  cell: HourlyCell,
  categoryName: (code: string) => string,
): Promise<Surge | undefined> {
  const baselineHours = Array.from({ length: query.weeks }, (_, week) =>
    beijingHour(new Date(hourStart(hour).getTime() - (week + 1) * 7 * 86_400_000)),
  );
  // By `_id`: the hourly cells have no index on their key (see the counters' setup).
  const history = await store.collection(HOURLY_CELLS).find<{ hour: string; n: number }>({
    _id: { $in: baselineHours.map((h) => hourlyCellId(h, cell.districtId, cell.kind, cell.key)) },
  });
  const counts = baselineHours.map((h) => history.find((entry) => entry.hour === h)?.n ?? 0);
  const verdict = detectSurge(cell.n, counts, query.k);
  if (!verdict.surge) return undefined;
  const cluster = await clusterOf(store, query.viewer, hour, cell);
  if (cluster.length === 0) return undefined;
  return {
    kind: cell.kind,
    key: cell.key,
    districtId: cell.districtId,
    hour: hourStart(hour).toISOString(),
    count: cell.n,
    baselineMean: verdict.mean,
    baselineSigma: verdict.sigma,
    caseIds: cluster.map((fact) => fact._id),
    caseNumbers: cluster.map((fact) => fact.caseNumber),
    districtIds: [...new Set(cluster.map((fact) => fact.districtId))].sort(),
    announcement: announcementFor(cell.kind, cell.kind === 'category' ? categoryName(cell.key) : cell.key),
  };
}

/** The cases of the hour under the surging key, within the cell's district and the viewer's. */
async function clusterOf(
  store: ReadStore,
  viewer: QueryViewer,
  hour: string,
  cell: HourlyCell,
): Promise<CaseFact[]> {
  const filter: Record<string, unknown> = { hour };
  const district = cell.districtId !== CITY_DISTRICT ? cell.districtId : viewer.districtId;
  if (district !== CITY_DISTRICT) filter.districtId = district;
  const facts = await store.collection(CASE_FACTS).find<CaseFact>(filter, { limit: 2_000 });
  const { kind, key } = cell;
  return facts.filter((fact) =>
    kind === 'category'
      ? fact.categoryCode === key
      : kind === 'term'
        ? fact.terms.includes(key)
        : fact.place?.replace(/\s+/g, '').startsWith(key),
  );
}
