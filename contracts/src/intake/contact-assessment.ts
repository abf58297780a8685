import { z } from 'zod';
import { NotAcceptedReason } from '../workflow/case-reasons';
import { CaseId, CaseType, CategoryCode, UnitId } from '../workflow/case.values';
import { EmergencyService } from './intake.values';

const Confidence = z.number().min(0).max(1);
/** The words or rules that led to a suggestion, so an agent sees why. */
const Signals = z.array(z.string().min(1).max(100)).max(20);

/**
 * What the classifier suggests for a text: a suggestion for the agent, never a decision. No type
 * means no suggestion (empty text, only emoji or punctuation). `confidence` is the calibrated
 * probability that type and category are both right and nothing stands in the way.
 */
export const ClassificationSuggestion = z.object({
  type: CaseType.optional(),
  categoryCode: CategoryCode.optional(),
  confidence: Confidence,
  signals: Signals,
  emergency: z.object({ service: EmergencyService, signals: Signals }).optional(),
  notAccepted: z.object({ reason: NotAcceptedReason, signals: Signals }).optional(),
  /** The most probable categories (at most three, best first), for the agent to choose from. */
  categories: z
    .array(z.object({ code: CategoryCode, probability: Confidence }))
    .max(3)
    .optional(),
  /** The handling unit that completed most cases like this one, and how likely it is right. */
  unit: z.object({ unitId: UnitId, probability: Confidence }).optional(),
  /** Which classifier produced it (name and dictionary version), so suggestions can be audited. */
  classifier: z.string().min(1).max(100),
});
export type ClassificationSuggestion = z.infer<typeof ClassificationSuggestion>;

export const DuplicateReason = z.enum(['same-caller', 'similar-content', 'same-place', 'same-category']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** An open case that is likely the same matter (并单 candidate). */
export const DuplicateSuggestion = z.object({
  caseId: CaseId,
  caseNumber: z.string().min(1).max(16).optional(),
  /** Text similarity of the contents, 0 to 1. */
  similarity: Confidence,
  /** The combined score the suggestions are ranked by. */
  score: Confidence,
  reasons: z.array(DuplicateReason).min(1),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const ContactAssessment = z.object({
  classification: ClassificationSuggestion,
  duplicates: z.array(DuplicateSuggestion).max(20),
});
export type ContactAssessment = z.infer<typeof ContactAssessment>;
