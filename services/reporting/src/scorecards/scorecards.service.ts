import type { GetUnitScorecards } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { CENTER } from '../counters/case-fact';
import { REPORTING_UNITS } from '../counters/collections';
import type { ReportingUnit } from '../counters/units.projection';
import { checkRange } from '../periods/periods';
import { readCaseCells, sumCells } from '../reports/case-cells.reader';
import { scopeFilters } from '../reports/report-scope';
import { scorecardOf, type Scorecard } from './assessment';

type Query = z.infer<(typeof GetUnitScorecards)['schema']>;

export interface UnitScorecard extends Scorecard {
  unitId: string;
  name: string;
  level: string;
  /** Rank among all units of the report (1 = best score). */
  rank: number;
  /** Rank among the units of the same level (unit type: city department, district, street, community). */
  rankInLevel: number;
}

export class ScorecardsService {
  constructor(private readonly store: ReadStore) {}

  async scorecards(query: Query): Promise<{ from: string; to: string; units: UnitScorecard[] }> {
    const range = checkRange({ from: query.from, to: query.to });
    const filters = scopeFilters(query.viewer, { districtId: query.districtId });
    const cells = await readCaseCells(this.store, range, { ...filters, unitId: undefined }, 'unit');
    const byUnit = sumCells(cells, (cell) => String(cell.unitId));
    byUnit.delete(CENTER);
    const names = new Map(
      (
        await this.store.collection(REPORTING_UNITS).find<ReportingUnit>({ _id: { $in: [...byUnit.keys()] } })
      ).map((unit) => [unit._id, unit]),
    );
    const cards = [...byUnit.entries()]
      .filter(([, counters]) => counters.assigned > 0)
      .map(([unitId, counters]) => ({
        unitId,
        name: names.get(unitId)?.name ?? unitId,
        level: names.get(unitId)?.level ?? 'unknown',
        ...scorecardOf(counters, query.weights),
        rank: 0,
        rankInLevel: 0,
      }))
      .sort((a, b) => b.score - a.score || b.assigned - a.assigned || (a.unitId < b.unitId ? -1 : 1));
    const levelRanks = new Map<string, number>();
    cards.forEach((card, index) => {
      card.rank = index + 1;
      const next = (levelRanks.get(card.level) ?? 0) + 1;
      levelRanks.set(card.level, next);
      card.rankInLevel = next;
    });
    const own = query.viewer.actor.unitId;
    return {
      from: range.from,
      to: range.to,
      units: own ? cards.filter((card) => card.unitId === own) : cards,
    };
  }
}
