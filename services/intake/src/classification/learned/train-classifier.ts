import { chooseThresholds, type ScoredDecision } from './choose-thresholds';
import { crossValidate, type OutOfFold } from './cross-validate';
import { HEADS, labelOf, NONE, type Head, type LabelledExample } from './labelled-example';
import { trainModel, type Featurizer, type LearnedModel, type Prediction } from './learned-model';
import { measureSuggestions, type SuggestionQuality } from './measure-suggestions';
import { softmax, type TrainingOptions } from './softmax-regression';
import { decideSuggestion, type DecisionThresholds } from './suggestion-decision';
import { mentionsSeveralMatters } from './several-matters';
import { fitTemperature } from './temperature';

/** The hyper-parameters, chosen by cross-validation on the training part of the corpus only. */
export const CLASSIFIER_TRAINING: TrainingOptions = { epochs: 12, learningRate: 1, l2: 1e-6, seed: 7 };

/**
 * Passes over the data: the chosen number up to 5,000 examples; fewer for a larger history (each
 * pass then sees many times more examples), never under three.
 */
export const epochsFor = (examples: number, options: TrainingOptions = CLASSIFIER_TRAINING): number =>
  Math.max(3, Math.min(options.epochs, Math.round((options.epochs * 5000) / Math.max(1, examples))));

/** What cross-validation decides: each head's temperature and the decision thresholds. */
export interface Calibration {
  temperatures: Record<Head, number>;
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

function calibratedPrediction(o: OutOfFold, temperatures: Record<Head, number>): Prediction {
  return Object.fromEntries(
    HEADS.map((head) => {
      const p = softmax(o.scores[head], temperatures[head]);
      const ranked = o.classes[head]
        .map((label, i) => ({ label, probability: p[i] ?? 0 }))
        .sort((a, b) => b.probability - a.probability);
      return [head, ranked];
    }),
  ) as Prediction;
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
  const outOfFold = await crossValidate(examples, featurize, options);
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
  const scored: ScoredDecision[] = outOfFold.map((o) => {
    const prediction = calibratedPrediction(o, temperatures);
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
        calibratedPrediction(o, temperatures),
        thresholds,
        undefined,
        mentionsSeveralMatters(o.example.text),
      ),
    })),
    thresholds.autoRegister,
  );
  return { temperatures, thresholds, crossValidation };
}

/**
 * Trains the classifier on all examples and calibrates it: with the given calibration (the shipped
 * corpus's, computed ahead), or by cross-validation first (four more trainings).
 */
export async function trainClassifier(
  examples: readonly LabelledExample[],
  featurize: Featurizer,
  calibration?: Calibration,
  options: TrainingOptions = CLASSIFIER_TRAINING,
  now: () => number = () => performance.now(),
): Promise<TrainedClassifier> {
  const started = now();
  const sized = { ...options, epochs: epochsFor(examples.length, options) };
  const calibrated = calibration ?? (await calibrate(examples, featurize, sized));
  const model = await trainModel(examples, featurize, sized);
  for (const head of HEADS) model.heads[head].temperature = calibrated.temperatures[head];
  return { ...calibrated, model, examples: examples.length, trainingMs: now() - started };
}
