import { chooseThresholds, type ScoredDecision } from './choose-thresholds';
import { crossValidate, type OutOfFold } from './cross-validate';
import { HEADS, labelOf, NONE, type Head, type LabelledExample } from './labelled-example';
import {
  featurizeAll,
  trainModel,
  type FeaturizedExample,
  type Featurizer,
  type LearnedModel,
  type Prediction,
} from './learned-model';
import { measureSuggestions, type SuggestionQuality } from './measure-suggestions';
import { softmax, type TrainingOptions } from './softmax-regression';
import { decideSuggestion, type DecisionThresholds } from './suggestion-decision';
import { mentionsSeveralMatters } from './several-matters';
import { fitTemperature } from './temperature';
import { unitsThroughCategories } from './units-by-category';

/** The hyper-parameters, chosen by cross-validation on the training part of the corpus only. */
export const CLASSIFIER_TRAINING: TrainingOptions = { epochs: 12, learningRate: 1, l2: 1e-6, seed: 7 };

/**
 * Passes over the data: the chosen number up to 5,000 examples; fewer for a larger history (each
 * pass then sees many times more examples), never under three.
 */
export const epochsFor = (examples: number, options: TrainingOptions = CLASSIFIER_TRAINING): number =>
  Math.max(3, Math.min(options.epochs, Math.round((options.epochs * 5000) / Math.max(1, examples))));

/**
 * What cross-validation decides: each head's temperature, how much the unit suggestion goes by
 * the categories, and the decision thresholds.
 */
export interface Calibration {
  temperatures: Record<Head, number>;
  unitThroughCategory: number;
  thresholds: DecisionThresholds;
}

/** A model ready to classify: calibrated, with its thresholds and how it did on its own folds. */
export interface TrainedClassifier extends Calibration {
  model: LearnedModel;
  /** Measured on out-of-fold predictions of the training data; absent when a calibration was given. */
  crossValidation?: SuggestionQuality;
  examples: number;
  trainingMs: number;
}

function calibratedPrediction(
  o: OutOfFold,
  temperatures: Record<Head, number>,
  unitThroughCategory: number,
): Prediction {
  const prediction = Object.fromEntries(
    HEADS.map((head) => {
      const p = softmax(o.scores[head], temperatures[head]);
      const ranked = o.classes[head]
        .map((label, i) => ({ label, probability: p[i] ?? 0 }))
        .sort((a, b) => b.probability - a.probability);
      return [head, ranked];
    }),
  ) as Prediction;
  prediction.unit = unitsThroughCategories(
    prediction.unit,
    prediction.category,
    o.unitsByCategory,
    unitThroughCategory,
  );
  return prediction;
}

const UNIT_MIX_GRID = [0, 0.25, 0.5, 0.75, 1];

/** The mix of the unit head and the units through the categories that is right most often on the folds. */
function chooseUnitMix(outOfFold: readonly OutOfFold[], temperatures: Record<Head, number>): number {
  const withUnit = outOfFold.filter((o) => o.example.unitId);
  let best = { weight: 0, right: -1 };
  for (const weight of UNIT_MIX_GRID) {
    const right = withUnit.filter(
      (o) => calibratedPrediction(o, temperatures, weight).unit[0]?.label === o.example.unitId,
    ).length;
    if (right > best.right) best = { weight, right };
  }
  return best.weight;
}

const OPEN: DecisionThresholds = { emergency: 0, notAccepted: 0, autoRegister: 0 };

/**
 * Cross-validation on the examples gives out-of-fold predictions, on which each head's temperature
 * is fitted and the thresholds chosen; the figures on those predictions come with them.
 */
export async function calibrate(
  examples: readonly LabelledExample[],
  featurize: Featurizer,
  options: TrainingOptions = CLASSIFIER_TRAINING,
): Promise<Calibration & { crossValidation: SuggestionQuality }> {
  return calibrateOn(await featurizeAll(examples, featurize, options.pause), featurize, options);
}

/**
 * Cross-validation on at most this many examples: temperatures and thresholds are a handful of
 * numbers, as well chosen on 50,000 out-of-fold predictions as on a million, and four trainings on
 * a sample keep a large history's training to little more than one pass over it.
 */
export const CALIBRATION_EXAMPLES = 50_000;

/** Every n-th example, so that the sample spans the whole window. */
function calibrationSample<T>(data: readonly T[]): readonly T[] {
  if (data.length <= CALIBRATION_EXAMPLES) return data;
  const stride = data.length / CALIBRATION_EXAMPLES;
  return Array.from({ length: CALIBRATION_EXAMPLES }, (_, i) => data[Math.floor(i * stride)]!);
}

async function calibrateOn(
  data: readonly FeaturizedExample[],
  featurize: Featurizer,
  options: TrainingOptions,
): Promise<Calibration & { crossValidation: SuggestionQuality }> {
  const outOfFold = await crossValidate(data, featurize, options);
  const temperatures = Object.fromEntries(
    HEADS.map((head) => [
      head,
      fitTemperature(
        outOfFold.map((o) => ({
          scores: o.scores[head],
          label: o.classes[head].indexOf(labelOf[head](o.example)),
        })),
      ),
    ]),
  ) as Record<Head, number>;
  const unitThroughCategory = chooseUnitMix(outOfFold, temperatures);
  const scored: ScoredDecision[] = outOfFold.map((o) => {
    const prediction = calibratedPrediction(o, temperatures, unitThroughCategory);
    const none = (head: Head) => prediction[head].find((r) => r.label === NONE)?.probability ?? 0;
    return {
      example: o.example,
      open: decideSuggestion(prediction, OPEN, undefined, mentionsSeveralMatters(o.example.text)),
      emergencyProbability: 1 - none('emergency'),
      notAcceptedProbability: 1 - none('notAccepted'),
    };
  });
  const thresholds = chooseThresholds(scored);
  const crossValidation = measureSuggestions(
    outOfFold.map((o) => ({
      example: o.example,
      decision: decideSuggestion(
        calibratedPrediction(o, temperatures, unitThroughCategory),
        thresholds,
        undefined,
        mentionsSeveralMatters(o.example.text),
      ),
    })),
    thresholds.autoRegister,
  );
  return { temperatures, unitThroughCategory, thresholds, crossValidation };
}

/**
 * Trains the classifier on all examples and calibrates it: with the given calibration (the shipped
 * corpus's, computed ahead), or by cross-validation first (four more trainings, on a sample of a
 * large history). Features are computed once for all of them.
 */
export async function trainClassifier(
  examples: readonly LabelledExample[],
  featurize: Featurizer,
  calibration?: Calibration,
  options: TrainingOptions = CLASSIFIER_TRAINING,
  now: () => number = () => performance.now(),
): Promise<TrainedClassifier> {
  const started = now();
  const data = await featurizeAll(examples, featurize, options.pause);
  const sample = calibrationSample(data);
  const calibrated =
    calibration ??
    (await calibrateOn(sample, featurize, { ...options, epochs: epochsFor(sample.length, options) }));
  const model = await trainModel(data, featurize, { ...options, epochs: epochsFor(data.length, options) });
  for (const head of HEADS) model.heads[head].temperature = calibrated.temperatures[head];
  model.unitThroughCategory = calibrated.unitThroughCategory;
  return { ...calibrated, model, examples: examples.length, trainingMs: now() - started };
}
