import type { GetHotTopics } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { TOPIC_CELLS } from '../counters/collections';
import { addDays, beijingDay } from '../periods/beijing-time';
import { scanSurges, type Surge, type SurgesQuery } from './surge-scan';

export type { Surge } from './surge-scan';

type HotTopicsQuery = z.infer<(typeof GetHotTopics)['schema']>;
import type { TopicKind } from './surge';

export type { TopicKind } from './surge';

export interface HotTopic {
  kind: TopicKind;
  key: string;
  count: number;
  /** Counts per day of the window, oldest first (the sparkline). */
  daily: number[];
  /** The last 7 days against the 7 before: +0.5 is half as many again. null when the week before had none. */
  trend: number | null;
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

  /** Surges of the last hours, for the city and each district (surge-scan.ts). */
  async surges(query: SurgesQuery): Promise<{ surges: Surge[] }> {
    return { surges: await scanSurges(this.store, query, this.now(), this.categoryName) };
  }
}
