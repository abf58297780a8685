import type { AssessmentWeights } from '@hotline/contracts';
import type { CaseCounters } from '../counters/case-metrics';

/**
 * The default 100-point assessment (after Haikou's: timeliness, quality and the citizen's verdict).
 * A city sets its own weights; they need not add up to 100, the score is scaled to 100.
 */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  signedOnTime: 15,
  returns: 10,
  completedOnTime: 30,
  redo: 10,
  satisfaction: 30,
  repeatContacts: 5,
};

export interface Scorecard {
  assigned: number;
  signedOnTime: number | null;
  returnRate: number | null;
  completedOnTime: number | null;
  redoRate: number | null;
  satisfaction: number | null;
  repeatContacts: number;
  repeatRate: number | null;
  score: number;
}

const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/**
 * A unit's scorecard and score: each measure earns its weight times the rate (times one minus the
 * rate for returns, redos and repeat contacts). A measure with nothing to measure (no callback yet)
 * earns its full weight: a unit is not marked down for what has not happened.
 */
export function scorecardOf(c: CaseCounters, weights: AssessmentWeights = DEFAULT_WEIGHTS): Scorecard {
  const card = {
    assigned: c.assigned,
    signedOnTime: rate(c.signedOnTime, c.assigned),
    returnRate: rate(c.returned, c.assigned),
    completedOnTime: rate(c.completedOnTime, c.completed),
    redoRate: rate(c.redone, c.completed),
    satisfaction: rate(c.satisfied, c.evaluated),
    repeatContacts: c.repeatContacts,
    repeatRate: rate(c.repeatContacts, c.assigned),
  };
  const earned = (weight: number, value: number | null, lowerIsBetter = false): number =>
    value === null ? weight : weight * (lowerIsBetter ? Math.max(0, 1 - value) : Math.min(1, value));
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const points =
    earned(weights.signedOnTime, card.signedOnTime) +
    earned(weights.returns, card.returnRate, true) +
    earned(weights.completedOnTime, card.completedOnTime) +
    earned(weights.redo, card.redoRate, true) +
    earned(weights.satisfaction, card.satisfaction) +
    earned(weights.repeatContacts, card.repeatRate, true);
  return { ...card, score: total > 0 ? Math.round((points / total) * 1000) / 10 : 0 };
}
