import type { PollQuestionnaire } from '@hotline/contracts';

export interface QuestionTally {
  answered: number;
  scoreSum: number;
  options?: Record<string, number>;
}

export interface UnitTally {
  unitId: string;
  interviews?: number;
  questions?: Record<string, QuestionTally>;
}

export interface UnitIndex {
  unitId: string;
  name: string;
  interviews: number;
  /** Weighted satisfaction (0 to 100): Σ weight × mean score ÷ Σ weight, over the questions answered. */
  index: number | null;
  /** 1 is best; units with equal indices share a rank; a unit nobody evaluated has none. */
  rank: number | null;
  questions: { questionId: string; answered: number; mean: number | null; options: Record<string, number> }[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Each unit's weighted index and its rank among the round's units. */
export function unitIndices(questionnaire: PollQuestionnaire, tallies: readonly UnitTally[]): UnitIndex[] {
  const byUnit = new Map(tallies.map((t) => [t.unitId, t]));
  const rows: UnitIndex[] = questionnaire.units.map(({ unitId, name }) => {
    const tally = byUnit.get(unitId);
    let weighted = 0;
    let weights = 0;
    const questions = questionnaire.questions.map(({ questionId, weight }) => {
      const q = tally?.questions?.[questionId];
      const answered = q?.answered ?? 0;
      const mean = answered > 0 ? (q?.scoreSum ?? 0) / answered : null;
      if (mean !== null) {
        weighted += weight * mean;
        weights += weight;
      }
      return { questionId, answered, mean: mean === null ? null : round1(mean), options: q?.options ?? {} };
    });
    const index = weights > 0 ? round1(weighted / weights) : null;
    return { unitId, name, interviews: tally?.interviews ?? 0, index, rank: null, questions };
  });
  const ranked = rows.filter((r) => r.index !== null).sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank = previous && previous.index === row.index ? previous.rank : i + 1;
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
