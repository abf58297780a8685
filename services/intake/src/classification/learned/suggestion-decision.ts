import type { CaseType, EmergencyService, NotAcceptedReason } from '@hotline/contracts';
import { NONE } from './labelled-example';
import type { Prediction, RankedLabel } from './learned-model';

/** The cut-offs a trained classifier decides with, chosen on cross-validation folds of its training data. */
export interface DecisionThresholds {
  /** Least probability of "some emergency" to flag one (chosen for recall first). */
  emergency: number;
  /** Least probability of "some not-accepted reason" to suggest one. */
  notAccepted: number;
  /** Least joint confidence to register a self-service contact without an agent. */
  autoRegister: number;
}

export interface SuggestionDecision {
  type: CaseType;
  typeProbability: number;
  /** The suggested category: the most probable active one, when it is more probable than none. */
  categoryCode?: string;
  /** The three most probable active categories, for the agent to pick from. */
  categories: RankedLabel[];
  unit?: RankedLabel;
  emergency?: { service: EmergencyService; probability: number };
  notAccepted?: { reason: NotAcceptedReason; probability: number };
  /**
   * How likely type and category are both right and nothing stands in the way (no emergency, no
   * not-accepted reason): the product of the calibrated probabilities; 0 when the text brings up
   * several matters.
   */
  confidence: number;
}

const probabilityOf = (ranked: readonly RankedLabel[], label: string): number =>
  ranked.find((r) => r.label === label)?.probability ?? 0;

/**
 * From calibrated probabilities to a suggestion. Retired categories are dropped and the rest
 * renormalised, so a retired category is never suggested.
 */
export function decideSuggestion(
  prediction: Prediction,
  thresholds: DecisionThresholds,
  isActive: (categoryCode: string) => boolean = () => true,
  severalMatters = false,
): SuggestionDecision {
  const [type] = prediction.type;
  const active = prediction.category.filter((c) => c.label === NONE || isActive(c.label));
  const total = active.reduce((sum, c) => sum + c.probability, 0) || 1;
  const ranked = active.map((c) => ({ label: c.label, probability: c.probability / total }));
  const categories = ranked.filter((c) => c.label !== NONE).slice(0, 3);
  const top = ranked[0];
  const categoryCode = top && top.label !== NONE ? top.label : undefined;
  const unit = prediction.unit.find((u) => u.label !== NONE);

  const noEmergency = probabilityOf(prediction.emergency, NONE);
  const service = prediction.emergency.find((e) => e.label !== NONE);
  const emergency =
    service && 1 - noEmergency >= thresholds.emergency
      ? { service: service.label as EmergencyService, probability: 1 - noEmergency }
      : undefined;
  const accepted = probabilityOf(prediction.notAccepted, NONE);
  const reason = prediction.notAccepted.find((r) => r.label !== NONE);
  const notAccepted =
    reason && 1 - accepted >= thresholds.notAccepted
      ? { reason: reason.label as NotAcceptedReason, probability: 1 - accepted }
      : undefined;

  const categoryProbability = categoryCode ? (top?.probability ?? 0) : 0;
  // Two matters in one request: confident on one of them is not confident on the case.
  const confidence = severalMatters
    ? 0
    : (type?.probability ?? 0) * categoryProbability * accepted * noEmergency;
  return {
    type: (type?.label ?? 'consult') as CaseType,
    typeProbability: type?.probability ?? 0,
    ...(categoryCode ? { categoryCode } : {}),
    categories,
    ...(unit ? { unit } : {}),
    ...(emergency ? { emergency } : {}),
    ...(notAccepted ? { notAccepted } : {}),
    confidence,
  };
}
