import { join } from 'node:path';
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import type { Platform } from '@hotline/infra/platform';
import type { IntakeConfig } from '../intake.config';
import { ClassifierModelFile, modelBasis } from './classifier-model-file';
import { ClassifierTrainer } from './classifier-trainer';
import type { ContentClassifier } from './content-classifier.port';
import { EffectiveCategories } from './effective-categories';
import { LabelledHistory } from './labelled-history';
import { classifierFeatures } from './learned/classifier-features';
import { LearnedClassifier } from './learned/learned-classifier';
import { sampleCalibration } from './learned/sample-calibration';
import { CLASSIFIER_TRAINING } from './learned/train-classifier';
import { jiebaSegmenter } from './learned/word-segmenter';
import { loadCityDictionary } from './load-dictionary';
import { RuleClassifier } from './rule-classifier';

export interface Classification {
  classifier: ContentClassifier;
  /** The least confidence to register without an agent, read at each decision (a retrained model brings its own). */
  autoRegisterConfidence: () => number;
  /** The city's effective categories, kept by the classifier projection (with the read models). */
  categories: EffectiveCategories;
  /** Absent with INTAKE_CLASSIFIER=rules or a classifier passed in. */
  trainer?: ClassifierTrainer;
}

/**
 * Intake's classification as configured: the city's rules over its effective categories, and
 * (by default) the learned classifier with its trainer. Both see the categories the city retired.
 */
export function setUpClassification(
  platform: Platform,
  config: IntakeConfig,
  commandDeps: CommandHandlerDeps,
  given?: ContentClassifier,
): Classification {
  const categories = new EffectiveCategories();
  const history = new LabelledHistory(platform.readStore, config.INTAKE_CLASSIFIER_HISTORY_CASES);
  const dictionary = loadCityDictionary(config.INTAKE_DICTIONARY_PATH);
  const rules = new RuleClassifier(dictionary, new CategoryTaxonomy(SAMPLE_CATEGORIES), categories.isActive);
  if (given)
    return { classifier: given, autoRegisterConfidence: () => rules.autoRegisterConfidence, categories };
  if (config.INTAKE_CLASSIFIER === 'rules') {
    return { classifier: rules, autoRegisterConfidence: () => rules.autoRegisterConfidence, categories };
  }
  const learned = new LearnedClassifier(rules, categories.isActive);
  const calibration = sampleCalibration();
  const featurize = classifierFeatures(rules, jiebaSegmenter());
  const { pause: _pause, ...training } = CLASSIFIER_TRAINING;
  const trainer = new ClassifierTrainer({
    classifier: learned,
    rules,
    history,
    calibration,
    modelFile: new ClassifierModelFile(
      join(platform.config.HOTLINE_DATA_DIR, 'classifier', 'model.bin'),
      modelBasis({ dictionary, training, calibration, featurize }),
      featurize,
      platform.logger,
    ),
    commandDeps,
    clock: platform.clock,
    logger: platform.logger,
    retrainEveryHours: config.INTAKE_CLASSIFIER_RETRAIN_HOURS,
  });
  return {
    classifier: learned,
    autoRegisterConfidence: () => learned.autoRegisterConfidence,
    categories,
    trainer,
  };
}
