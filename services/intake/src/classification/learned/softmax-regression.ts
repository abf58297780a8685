import { FEATURE_COUNT, type SparseVector } from './text-features';

export interface TrainingOptions {
  epochs: number;
  /** Step size at the start; it decays as 1 / (1 + epoch). */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  /** Seed of the shuffle, so that training is repeatable. */
  seed: number;
  /**
   * Called every few hundred examples: a service passes a wait for the event loop, so that
   * training in a running process never holds requests up.
   */
  pause?: () => Promise<void>;
}

/** Examples between two pauses. */
const CHUNK = 256;

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 12, learningRate: 0.5, l2: 1e-6, seed: 7 };

/**
 * Multinomial logistic regression over hashed sparse features, trained by stochastic gradient
 * descent. Weights are feature-major (all classes of one feature side by side), so a prediction
 * touches one short row per feature of the text. `temperature` divides the scores: calibration
 * fits it so that the probabilities match how often the model is right.
 */
export class SoftmaxRegression {
  temperature = 1;

  constructor(
    readonly classes: readonly string[],
    readonly weights = new Float32Array(FEATURE_COUNT * classes.length),
    readonly bias = new Float32Array(classes.length),
  ) {}

  /** Raw scores, one per class. */
  scores(x: SparseVector): Float64Array {
    const out = Float64Array.from(this.bias);
    this.addScores(x, out);
    return out;
  }

  /** Adds the features' weights to `out` (the hot loop of training and of every suggestion). */
  private addScores(x: SparseVector, out: Float64Array): void {
    const k = this.classes.length;
    const { indices, values } = x;
    const weights = this.weights;
    for (let i = 0; i < indices.length; i++) {
      const row = indices[i]! * k;
      const value = values[i]!;
      for (let c = 0; c < k; c++) out[c]! += value * weights[row + c]!;
    }
  }

  /** Calibrated probabilities, one per class. */
  probabilities(x: SparseVector): Float64Array {
    return softmax(this.scores(x), this.temperature);
  }

  /**
   * Fits the weights. A rare class's examples count more (the square root of how much rarer than
   * the commonest, at most 10 times): an emergency is one request in fifteen, and must not be
   * drowned by the rest.
   */
  async fit(
    examples: ReadonlyArray<{ x: SparseVector; y: number }>,
    options: TrainingOptions,
  ): Promise<void> {
    const k = this.classes.length;
    const counts = new Float64Array(k);
    for (const { y } of examples) counts[y] = (counts[y] ?? 0) + 1;
    const most = Math.max(...counts);
    const weightOf = Float64Array.from(counts, (n) => (n === 0 ? 1 : Math.min(10, Math.sqrt(most / n))));
    const order = examples.map((_, i) => i);
    const random = seededRandom(options.seed);
    const weights = this.weights;
    const bias = this.bias;
    const p = new Float64Array(k);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch);
      const decay = rate * options.l2;
      for (const [step, index] of order.entries()) {
        if (options.pause && step % CHUNK === CHUNK - 1) await options.pause();
        const { x, y } = examples[index]!;
        p.set(bias);
        this.addScores(x, p);
        softmaxInPlace(p);
        const weight = weightOf[y]!;
        const { indices, values } = x;
        for (let c = 0; c < k; c++) {
          const gradient = weight * (p[c]! - (c === y ? 1 : 0));
          bias[c]! -= rate * gradient;
          // A class the model already rules out barely moves: skipping it keeps training sparse.
          if (Math.abs(gradient) < 1e-4) continue;
          const move = rate * gradient;
          for (let i = 0; i < indices.length; i++) {
            const at = indices[i]! * k + c;
            const w = weights[at]!;
            weights[at] = w - move * values[i]! - decay * w;
          }
        }
      }
    }
  }
}

/** softmax at temperature 1, over the scores themselves. */
function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(scores[i]! - max);
    scores[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
}

export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i]! - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
