import { HEADS, labelOf, type Head, type LabelledExample } from './labelled-example';
import { DEFAULT_TRAINING, SoftmaxRegression, type TrainingOptions } from './softmax-regression';
import type { SparseVector } from './text-features';
import { unitsByCategory, unitsThroughCategories, type UnitsByCategory } from './units-by-category';

export type Featurizer = (text: string) => SparseVector;

export interface RankedLabel {
  label: string;
  probability: number;
}

export type Prediction = Record<Head, RankedLabel[]>;

/**
 * One regression per head over the same features; each head's classes are the labels it saw. The
 * unit suggestion also goes through the categories: which units completed their cases.
 */
export class LearnedModel {
  /** How much the unit suggestion goes by the categories (set by calibration). */
  unitThroughCategory = 0;

  constructor(
    readonly heads: Readonly<Record<Head, SoftmaxRegression>>,
    private readonly featurize: Featurizer,
    readonly unitsByCategory: UnitsByCategory = {},
  ) {}

  /** Raw scores per head of a featurized text, for calibration. */
  scores(x: SparseVector): Record<Head, Float64Array> {
    return Object.fromEntries(HEADS.map((head) => [head, this.heads[head].scores(x)])) as Record<
      Head,
      Float64Array
    >;
  }

  /** Every head's labels, most probable first, with calibrated probabilities. */
  predict(text: string): Prediction {
    const x = this.featurize(text);
    const ranked = (head: Head): RankedLabel[] => {
      const model = this.heads[head];
      const p = model.probabilities(x);
      const labels: RankedLabel[] = new Array<RankedLabel>(p.length);
      for (let i = 0; i < p.length; i++) labels[i] = { label: model.classes[i] ?? '', probability: p[i]! };
      return labels.sort((a, b) => b.probability - a.probability);
    };
    const prediction = Object.fromEntries(HEADS.map((head) => [head, ranked(head)])) as Prediction;
    prediction.unit = unitsThroughCategories(
      prediction.unit,
      prediction.category,
      this.unitsByCategory,
      this.unitThroughCategory,
    );
    return prediction;
  }
}

/** A labelled example with its features, computed once for every training over it. */
export interface FeaturizedExample {
  example: LabelledExample;
  x: SparseVector;
}

/** Examples between two pauses while features are computed. */
const FEATURE_CHUNK = 256;

/** Computes the features of every example once (pausing now and then, as training does). */
export async function featurizeAll(
  examples: readonly LabelledExample[],
  featurize: Featurizer,
  pause?: () => Promise<void>,
): Promise<FeaturizedExample[]> {
  const out: FeaturizedExample[] = [];
  for (const [i, example] of examples.entries()) {
    if (pause && i % FEATURE_CHUNK === FEATURE_CHUNK - 1) await pause();
    out.push({ example, x: featurize(example.text) });
  }
  return out;
}

/** Trains every head on the featurized examples. */
export async function trainModel(
  data: readonly FeaturizedExample[],
  featurize: Featurizer,
  options: TrainingOptions = DEFAULT_TRAINING,
): Promise<LearnedModel> {
  const heads: Partial<Record<Head, SoftmaxRegression>> = {};
  for (const head of HEADS) {
    const classes = [...new Set(data.map(({ example }) => labelOf[head](example)))].sort();
    const model = new SoftmaxRegression(classes);
    const index = new Map(classes.map((c, i) => [c, i]));
    await model.fit(
      data.map(({ example, x }) => ({ x, y: index.get(labelOf[head](example)) ?? 0 })),
      options,
    );
    heads[head] = model;
  }
  return new LearnedModel(
    heads as Record<Head, SoftmaxRegression>,
    featurize,
    unitsByCategory(data.map(({ example }) => example)),
  );
}
