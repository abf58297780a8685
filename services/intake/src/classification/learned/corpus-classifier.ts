import { loadCorpus } from '../corpus/load-corpus';
import type { RuleClassifier } from '../rule-classifier';
import { classifierFeatures } from './classifier-features';
import type { LabelledExample } from './labelled-example';
import {
  CLASSIFIER_TRAINING,
  trainClassifier,
  type Calibration,
  type TrainedClassifier,
} from './train-classifier';
import { jiebaSegmenter } from './word-segmenter';

/**
 * Trains on the training part of the shipped corpus and on the city's own labelled history (cases
 * as agents registered them): the corpus is what a city without history starts from.
 */
export function trainWithCorpus(
  rules: RuleClassifier,
  history: readonly LabelledExample[] = [],
  calibration?: Calibration,
  pause?: () => Promise<void>,
): Promise<TrainedClassifier> {
  return trainClassifier(
    [...loadCorpus('training'), ...history],
    classifierFeatures(rules, jiebaSegmenter()),
    calibration,
    { ...CLASSIFIER_TRAINING, ...(pause ? { pause } : {}) },
  );
}
