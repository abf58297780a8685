import type { RuleClassifier } from '../rule-classifier';
import type { Featurizer } from './learned-model';
import { secondMatterAt } from './several-matters';
import { textFeatures } from './text-features';
import type { WordSegmenter } from './word-segmenter';

export interface FeatureSettings {
  /** How much a rule that fired weighs beside the text's own features. */
  ruleWeight: number;
  /** How much what follows a second matter ("另外还有个事…") weighs beside the first matter. */
  secondMatterWeight: number;
}

/** Chosen by cross-validation on the training part of the corpus (see docs/intake-quality.md). */
export const FEATURE_SETTINGS: FeatureSettings = { ruleWeight: 0.8, secondMatterWeight: 0.5 };

/** An emergency or a matter not to accept counts wherever the text brings it up. */
const wherever = (rule: string) => rule.startsWith('emergency:') || rule.startsWith('not-accepted:');

/**
 * The model's features: words, character n-grams and the city's rules that fire. A type or
 * category rule that fires only in a second matter weighs as little as that matter's words.
 */
export const classifierFeatures =
  (rules: RuleClassifier, segmenter: WordSegmenter, settings = FEATURE_SETTINGS): Featurizer =>
  (text) => {
    const fired = rules.firedRules(text);
    const second = secondMatterAt(text);
    const first = second < text.length ? new Set(rules.firedRules(text.slice(0, second))) : undefined;
    const extra = fired.map((name) => ({
      name,
      weight:
        settings.ruleWeight * (!first || first.has(name) || wherever(name) ? 1 : settings.secondMatterWeight),
    }));
    return textFeatures(text, segmenter, extra, settings.secondMatterWeight);
  };
