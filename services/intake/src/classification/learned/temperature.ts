import { softmax } from './softmax-regression';

export interface ScoredLabel {
  scores: Float64Array;
  /** The index of the right class. */
  label: number;
}

const GRID = Array.from({ length: 60 }, (_, i) => 0.2 * Math.pow(1.07, i));

/**
 * Temperature scaling: the temperature that minimises the negative log-likelihood of the right
 * classes on predictions the model made for examples it did not train on (cross-validation folds).
 */
export function fitTemperature(items: readonly ScoredLabel[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (const temperature of GRID) {
    let loss = 0;
    for (const { scores, label } of items)
      loss -= Math.log(Math.max(1e-12, softmax(scores, temperature)[label] ?? 0));
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** Mean confidence of the predictions in the bin. */
  confidence: number;
  /** Share of them that were right. */
  accuracy: number;
}

/** Reliability of top-1 confidences in ten bins, and the expected calibration error (ECE). */
export function reliability(items: ReadonlyArray<{ confidence: number; right: boolean }>): {
  bins: ReliabilityBin[];
  ece: number;
} {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    n: 0,
    conf: 0,
    hits: 0,
  }));
  for (const { confidence, right } of items) {
    const bin = bins[Math.min(9, Math.floor(confidence * 10))]!;
    bin.n++;
    bin.conf += confidence;
    bin.hits += right ? 1 : 0;
  }
  const total = Math.max(1, items.length);
  const ece = bins.reduce(
    (sum, b) => sum + (b.n === 0 ? 0 : (b.n / total) * Math.abs(b.hits / b.n - b.conf / b.n)),
    0,
  );
  return {
    bins: bins
      .filter((b) => b.n > 0)
      .map((b) => ({ from: b.from, to: b.to, count: b.n, confidence: b.conf / b.n, accuracy: b.hits / b.n })),
    ece,
  };
}
