import type { ContactAssessment, ContactChannel, Place } from '@hotline/contracts';
import type { ContentClassifier } from '../classification/content-classifier.port';
import type { DuplicateFinder } from '../duplicates/duplicate-finder';

export interface AssessInput {
  content: string;
  subject?: string;
  channel: ContactChannel;
  phone?: string;
  place?: Place;
}

/** How many duplicates an agent is shown at intake. */
const DUPLICATES_SHOWN = 5;

/**
 * Suggestions for a contact: the classifier's, then duplicates found with the suggested category.
 * A caller repeating a concluded case with the same facts gets the not-accepted suggestion
 * "already concluded", unless the classifier found another reason.
 */
export class ContactAssessor {
  constructor(
    private readonly classifier: ContentClassifier,
    private readonly duplicates: DuplicateFinder,
  ) {}

  async assess(input: AssessInput, now: Date): Promise<ContactAssessment> {
    const classification = await this.classifier.classify({
      content: input.content,
      channel: input.channel,
      ...(input.subject ? { subject: input.subject } : {}),
    });
    const text = input.subject ? `${input.subject} ${input.content}` : input.content;
    const found = this.duplicates.find(
      {
        content: text,
        limit: DUPLICATES_SHOWN,
        ...(input.phone ? { phone: input.phone } : {}),
        ...(classification.categoryCode ? { categoryCode: classification.categoryCode } : {}),
        ...(input.place ? { place: input.place } : {}),
      },
      now,
    );
    const concluded = found.concluded?.suggestion;
    if (concluded && !classification.notAccepted && found.suggestions.length === 0) {
      classification.notAccepted = {
        reason: 'already-concluded',
        signals: [`repeats ${concluded.caseNumber ?? concluded.caseId}`],
      };
    }
    return { classification, duplicates: found.suggestions };
  }
}
