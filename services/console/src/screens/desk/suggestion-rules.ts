/**
 * The least confidence at which the desk offers to apply the classifier's suggestion: below it the
 * guess is shown as a hint only, so an agent never adopts a type and category the classifier itself
 * does not believe (a 0 % "suggestion").
 */
export const SUGGESTION_MIN_CONFIDENCE = 0.3;

export const suggestionApplicable = (confidence: number): boolean =>
  Number.isFinite(confidence) && confidence >= SUGGESTION_MIN_CONFIDENCE;
