import type { LabelledExample } from './labelled-example';
import type { DecisionThresholds, SuggestionDecision } from './suggestion-decision';

/** What the thresholds are chosen to reach on the cross-validation predictions. */
export const THRESHOLD_TARGETS = {
  /** Emergencies: recall first. */
  emergencyRecall: 0.97,
  notAcceptedRecall: 0.85,
  /** A margin over the goal of 98 % right among automatic registrations. */
  autoRegisterPrecision: 0.985,
} as const;

/** Fewer registrations than this say nothing about their precision: then nothing registers alone. */
const MIN_AUTO_REGISTERED = 20;

const CANDIDATES = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

export interface ScoredDecision {
  example: LabelledExample;
  /** The decision with every threshold at zero, so that each cut-off can be applied afterwards. */
  open: SuggestionDecision;
  emergencyProbability: number;
  notAcceptedProbability: number;
}

/** The highest cut-off at which `recall` still reaches `target` (0 when none does). */
function highestReaching(target: number, recallAt: (threshold: number) => number): number {
  let chosen = CANDIDATES[0] ?? 0.01;
  for (const threshold of CANDIDATES) if (recallAt(threshold) >= target) chosen = threshold;
  return chosen;
}

/**
 * Thresholds from out-of-fold decisions on the training data: the emergency and not-accepted
 * cut-offs as high as their recall targets allow; the automatic registration cut-off as low as
 * keeps everything at or above it right (type and category, and truly acceptable) at the target.
 */
export function chooseThresholds(scored: readonly ScoredDecision[]): DecisionThresholds {
  const emergencies = scored.filter((s) => s.example.emergency);
  const emergency = highestReaching(
    THRESHOLD_TARGETS.emergencyRecall,
    (t) => emergencies.filter((s) => s.emergencyProbability >= t).length / Math.max(1, emergencies.length),
  );
  const refused = scored.filter((s) => s.example.notAccepted);
  const notAccepted = highestReaching(
    THRESHOLD_TARGETS.notAcceptedRecall,
    (t) =>
      refused.filter(
        (s) => s.notAcceptedProbability >= t && s.open.notAccepted?.reason === s.example.notAccepted,
      ).length / Math.max(1, refused.length),
  );
  const right = (s: ScoredDecision) =>
    s.open.type === s.example.type &&
    s.open.categoryCode !== undefined &&
    s.open.categoryCode === s.example.categoryCode &&
    !s.example.notAccepted &&
    !s.example.emergency;
  const autoRegister =
    CANDIDATES.find((threshold) => {
      const taken = scored.filter((s) => s.open.confidence >= threshold);
      return (
        taken.length >= MIN_AUTO_REGISTERED &&
        taken.filter(right).length / taken.length >= THRESHOLD_TARGETS.autoRegisterPrecision
      );
    }) ?? 1;
  return { emergency, notAccepted, autoRegister };
}
