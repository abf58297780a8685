import type { RuleClassifier } from '../rule-classifier';
import type { Featurizer } from './learned-model';
import { textFeatures } from './text-features';
import type { WordSegmenter } from './word-segmenter';

/** How much a rule that fired weighs beside the text's own features (chosen by cross-validation). */
export const RULE_FEATURE_WEIGHT = 0.8;

/** The model's features: words, character n-grams and the city's rules that fire. */
export const classifierFeatures =
  (rules: RuleClassifier, segmenter: WordSegmenter): Featurizer =>
  (text) =>
    textFeatures(text, segmenter, rules.firedRules(text), RULE_FEATURE_WEIGHT);
