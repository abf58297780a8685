import type { GetSuggestionAccuracy, SuggestionAccuracy, SuggestionAccuracyWeek } from '@hotline/contracts';
import type { z } from 'zod';
import type { IntakeReadModels } from '../read-models/intake-read-models';
import { districtScope } from '../viewer-scope';
import { SUGGESTION_WEEKS, type SuggestionWeekDocument } from './suggestion-accuracy.projection';

type Query = z.output<(typeof GetSuggestionAccuracy)['schema']>;

const empty = (weekStart: string): SuggestionAccuracyWeek => ({
  weekStart,
  cases: 0,
  type: { right: 0, of: 0 },
  categoryTop1: { right: 0, of: 0 },
  categoryTop3: { right: 0, of: 0 },
  unitTop1: { right: 0, of: 0 },
});

/**
 * The weekly accuracy report of the classifier's suggestions (the center's console): the
 * viewer's district, or every district summed for the city.
 */
export class SuggestionAccuracyService {
  constructor(private readonly readModels: IntakeReadModels) {}

  /** The newest weeks that have judged cases, newest first: a few small documents a week. */
  async weeks(query: Query): Promise<SuggestionAccuracy> {
    await this.readModels.waitFor('suggestionAccuracy', query.minPosition);
    const collection = this.readModels.store.collection<SuggestionWeekDocument>(SUGGESTION_WEEKS);
    const scope = districtScope(query.viewer);
    const newest = await collection.find(scope, { sort: { week: -1 }, limit: 1 });
    const latest = newest[0]?.week;
    if (!latest) return { weeks: [] };
    const since = new Date(Date.parse(latest) - (query.weeks - 1) * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const byWeek = new Map<string, SuggestionAccuracyWeek>();
    for (const d of await collection.find({ ...scope, week: { $gte: since } })) {
      const week = byWeek.get(d.week) ?? empty(d.week);
      const cases = d.cases ?? 0;
      week.cases += cases;
      week.type.right += d.typeRight ?? 0;
      week.type.of += cases;
      week.categoryTop1.right += d.categoryRight ?? 0;
      week.categoryTop1.of += cases;
      week.categoryTop3.right += d.categoryTop3Right ?? 0;
      week.categoryTop3.of += cases;
      week.unitTop1.right += d.unitRight ?? 0;
      week.unitTop1.of += d.unitJudged ?? 0;
      byWeek.set(d.week, week);
    }
    return { weeks: [...byWeek.values()].sort((a, b) => b.weekStart.localeCompare(a.weekStart)) };
  }
}
