import type { ClassificationSuggestion, ContactChannel } from '@hotline/contracts';

export interface ClassifyInput {
  content: string;
  subject?: string;
  channel?: ContactChannel;
}

/**
 * Suggests type, category, emergency referral and not-accepted reason for a citizen's text. The
 * rule dictionary implements it today; a language model can replace it behind the same port.
 */
export interface ContentClassifier {
  readonly name: string;
  classify(input: ClassifyInput): Promise<ClassificationSuggestion>;
}
