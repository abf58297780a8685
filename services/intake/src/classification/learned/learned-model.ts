import { HEADS, labelOf, type Head, type LabelledExample } from './labelled-example';
import { DEFAULT_TRAINING, SoftmaxRegression, type TrainingOptions } from './softmax-regression';
import type { SparseVector } from './text-features';

export type Featurizer = (text: string) => SparseVector;

export interface RankedLabel {
  label: string;
  probability: number;
}

export type Prediction = Record<Head, RankedLabel[]>;

/** One regression per head over the same features; each head's classes are the labels it saw. */
export class LearnedModel {
  constructor(
    readonly heads: Readonly<Record<Head, SoftmaxRegression>>,
    private readonly featurize: Featurizer,
  ) {}

  /** Raw scores per head, for calibration. */
  scores(text: string): Record<Head, Float64Array> {
    const x = this.featurize(text);
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
      return [...model.probabilities(x)]
        .map((probability, i) => ({ label: model.classes[i] ?? '', probability }))
        .sort((a, b) => b.probability - a.probability);
    };
    return Object.fromEntries(HEADS.map((head) => [head, ranked(head)])) as Prediction;
  }
}

/** Trains every head on the examples (features computed once). */
export async function trainModel(
  examples: readonly LabelledExample[],
  featurize: Featurizer,
  options: TrainingOptions = DEFAULT_TRAINING,
): Promise<LearnedModel> {
  const vectors: SparseVector[] = [];
  for (const [i, e] of examples.entries()) {
    if (options.pause && i % 256 === 255) await options.pause();
    vectors.push(featurize(e.text));
  }
  const heads: Partial<Record<Head, SoftmaxRegression>> = {};
  for (const head of HEADS) {
    const classes = [...new Set(examples.map(labelOf[head]))].sort();
    const model = new SoftmaxRegression(classes);
    const index = new Map(classes.map((c, i) => [c, i]));
    await model.fit(
      examples.map((e, i) => ({ x: vectors[i]!, y: index.get(labelOf[head](e)) ?? 0 })),
      options,
    );
    heads[head] = model;
  }
  return new LearnedModel(heads as Record<Head, SoftmaxRegression>, featurize);
}
