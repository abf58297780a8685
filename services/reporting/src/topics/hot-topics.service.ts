import type { GetHotTopics, GetSurges, QueryViewer } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseFact } from '../counters/case-fact';
import { CASE_FACTS, HOURLY_CELLS, TOPIC_CELLS } from '../counters/collections';
import { addDays, beijingDay, beijingHour, hourStart } from '../periods/beijing-time';
import { detectSurge } from './surge';

type HotTopicsQuery = z.infer<(typeof GetHotTopics)['schema']>;
type SurgesQuery = z.infer<(typeof GetSurges)['schema']> & { minCount: number };
export type TopicKind = 'category' | 'term' | 'place';

export interface HotTopic {
  kind: TopicKind;
  key: string;
  count: number;
  /** Counts per day of the window, oldest first (the sparkline). */
  daily: number[];
  /** The last 7 days against the 7 before: +0.5 is half as many again. null when the week before had none. */
  trend: number | null;
}

export interface Surge {
  kind: TopicKind;
  key: string;
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

interface TopicCell {
  day: string;
  kind: TopicKind;
  key: string;
  n: number;
}

export class HotTopicsService {
  constructor(
    private readonly store: ReadStore,
    private readonly now: () => Date,
    private readonly categoryName: (code: string) => string = (code) => code,
  ) {}

  async hotTopics(
    query: HotTopicsQuery,
  ): Promise<{ from: string; to: string; topics: Record<TopicKind, HotTopic[]> }> {
    const to = query.to ?? beijingDay(this.now());
    const from = addDays(to, -(query.days - 1));
    const filter: Record<string, unknown> = { day: { $gte: from, $lte: to } };
    if (query.viewer.districtId !== 'city') filter.districtId = query.viewer.districtId;
    const cells = await this.store.collection(TOPIC_CELLS).find<TopicCell>(filter);
    const byKey = new Map<string, HotTopic>();
    for (const cell of cells) {
      const id = `${cell.kind}|${cell.key}`;
      let topic = byKey.get(id);
      if (!topic) {
        topic = {
          kind: cell.kind,
          key: cell.key,
          count: 0,
          daily: new Array<number>(query.days).fill(0),
          trend: null,
        };
        byKey.set(id, topic);
      }
      topic.count += cell.n;
      const index = query.days - 1 - Math.round((Date.parse(to) - Date.parse(cell.day)) / 86_400_000);
      if (index >= 0 && index < query.days) topic.daily[index]! += cell.n;
    }
    const topics: Record<TopicKind, HotTopic[]> = { category: [], term: [], place: [] };
    for (const topic of byKey.values()) {
      const last = topic.daily.slice(-7).reduce((a, b) => a + b, 0);
      const before = topic.daily.slice(-14, -7).reduce((a, b) => a + b, 0);
      topic.trend = before > 0 ? (last - before) / before : null;
      topics[topic.kind].push(topic);
    }
    for (const kind of Object.keys(topics) as TopicKind[]) {
      topics[kind] = topics[kind]
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
        .slice(0, query.limit);
    }
    return { from, to, topics };
  }

  /**
   * Surges: for each of the last hours, every category, keyword and place whose contacts in that hour
   * exceed the mean of the same weekday and hour over the weeks before by k standard deviations.
   */
  async surges(query: SurgesQuery): Promise<{ surges: Surge[] }> {
    const latest = beijingHour(query.at ?? this.now());
    const surges: Surge[] = [];
    for (let back = 0; back < query.hours; back += 1) {
      const hour = beijingHour(new Date(hourStart(latest).getTime() - back * 3_600_000));
      const cells = await this.store
        .collection(HOURLY_CELLS)
        .find<{ kind: TopicKind; key: string; n: number }>({ hour, n: { $gte: query.minCount } });
      for (const cell of cells) {
        const baselineHours = Array.from({ length: query.weeks }, (_, week) =>
          beijingHour(new Date(hourStart(hour).getTime() - (week + 1) * 7 * 86_400_000)),
        );
        const history = await this.store.collection(HOURLY_CELLS).find<{ hour: string; n: number }>({
          kind: cell.kind,
          key: cell.key,
          hour: { $in: baselineHours },
        });
        const counts = baselineHours.map((h) => history.find((entry) => entry.hour === h)?.n ?? 0);
        const verdict = detectSurge(cell.n, counts, query.k);
        if (!verdict.surge) continue;
        const cluster = await this.cluster(query.viewer, hour, cell.kind, cell.key);
        if (cluster.length === 0) continue;
        surges.push({
          kind: cell.kind,
          key: cell.key,
          hour: hourStart(hour).toISOString(),
          count: cell.n,
          baselineMean: verdict.mean,
          baselineSigma: verdict.sigma,
          caseIds: cluster.map((fact) => fact._id),
          caseNumbers: cluster.map((fact) => fact.caseNumber),
          districtIds: [...new Set(cluster.map((fact) => fact.districtId))].sort(),
          announcement: announcementFor(
            cell.kind,
            cell.kind === 'category' ? this.categoryName(cell.key) : cell.key,
          ),
        });
      }
    }
    return { surges: surges.sort((a, b) => b.count / (b.baselineMean + 1) - a.count / (a.baselineMean + 1)) };
  }

  private async cluster(
    viewer: QueryViewer,
    hour: string,
    kind: TopicKind,
    key: string,
  ): Promise<CaseFact[]> {
    const filter: Record<string, unknown> = { hour };
    if (viewer.districtId !== 'city') filter.districtId = viewer.districtId;
    const facts = await this.store.collection(CASE_FACTS).find<CaseFact>(filter, { limit: 2_000 });
    return facts.filter((fact) =>
      kind === 'category'
        ? fact.categoryCode === key
        : kind === 'term'
          ? fact.terms.includes(key)
          : fact.place?.replace(/\s+/g, '').startsWith(key),
    );
  }
}

/** The announcement proposed for the IVR: tells callers the matter is known, so fewer wait to report it again. */
export function announcementFor(kind: TopicKind, label: string): string {
  const matter = kind === 'place' ? `${label}附近的情况` : `“${label}”相关问题`;
  return `您好，我们已收到大量市民关于${matter}的反映，相关部门正在处理中，请耐心等待，感谢您的理解与支持。`;
}
