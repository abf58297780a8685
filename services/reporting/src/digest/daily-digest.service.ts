import type { GetDailyDigest } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseFact } from '../counters/case-fact';
import { ACTIVITY_CELLS, CASE_FACTS } from '../counters/collections';
import { ACTIVITY_METRICS, type ActivityMetric } from '../counters/case-metrics';
import { addDays, beijingDay } from '../periods/beijing-time';
import type { HotTopic, HotTopicsService, Surge } from '../topics/hot-topics.service';

type Query = z.infer<(typeof GetDailyDigest)['schema']>;

export type DigestCase = Pick<
  CaseFact,
  '_id' | 'caseNumber' | 'summary' | 'categoryCode' | 'unitId' | 'districtId' | 'day'
>;

export interface DailyDigest {
  date: string;
  counts: Record<ActivityMetric, number>;
  /** Open cases past their deadline now. */
  overdue: number;
  overdueCases: DigestCase[];
  hotTopics: HotTopic[];
  surges: Surge[];
  /** Urgent cases and cases reported to leaders, registered that day. */
  serious: DigestCase[];
  /** Cases the citizen was dissatisfied with, of the last 30 days. */
  dissatisfied: DigestCase[];
}

const pick = ({ _id, caseNumber, summary, categoryCode, unitId, districtId, day }: CaseFact): DigestCase => ({
  _id,
  caseNumber,
  summary,
  categoryCode,
  unitId,
  districtId,
  day,
});

/** The leaders' daily digest (要情): the day in numbers and the cases a leader should see. */
export class DailyDigestService {
  constructor(
    private readonly store: ReadStore,
    private readonly topics: HotTopicsService,
    private readonly now: () => Date,
  ) {}

  async digest(query: Query): Promise<DailyDigest> {
    // The morning digest is about yesterday.
    const date = query.date ?? addDays(beijingDay(this.now()), -1);
    const scope: Record<string, unknown> =
      query.viewer.districtId === 'city' ? {} : { districtId: query.viewer.districtId };
    const cells = await this.store
      .collection(ACTIVITY_CELLS)
      .find<Record<string, unknown>>({ ...scope, day: date });
    const counts = Object.fromEntries(ACTIVITY_METRICS.map((metric) => [metric, 0])) as Record<
      ActivityMetric,
      number
    >;
    for (const cell of cells) {
      for (const metric of ACTIVITY_METRICS)
        if (typeof cell[metric] === 'number') counts[metric] += cell[metric];
    }
    const facts = this.store.collection(CASE_FACTS);
    const now = this.now().toISOString();
    const overdueFilter = { ...scope, status: 'open', dueAt: { $lt: now } };
    const [overdue, overdueCases, dayCases, dissatisfied, hot, surges] = await Promise.all([
      facts.countDocuments(overdueFilter),
      facts.find<CaseFact>(overdueFilter, { sort: { dueAt: 1 }, limit: 10 }),
      facts.find<CaseFact>({ ...scope, day: date }, { limit: 5_000 }),
      facts.find<CaseFact>(
        { ...scope, day: { $gte: addDays(date, -29), $lte: date }, metrics: { $all: ['dissatisfied'] } },
        { sort: { day: -1 }, limit: 10 },
      ),
      this.topics.hotTopics({ viewer: query.viewer, to: date, days: 7, limit: 5 }),
      this.topics.surges({ viewer: query.viewer, hours: 24, k: 3, weeks: 4, minCount: 10 }),
    ]);
    return {
      date,
      counts,
      overdue,
      overdueCases: overdueCases.map(pick),
      hotTopics: [...hot.topics.category, ...hot.topics.term].sort((a, b) => b.count - a.count).slice(0, 8),
      surges: surges.surges.slice(0, 5),
      serious: dayCases
        .filter((fact) => fact.urgent || fact.metrics.includes('reportedToLeader'))
        .slice(0, 10)
        .map(pick),
      dissatisfied: dissatisfied.map(pick),
    };
  }
}
