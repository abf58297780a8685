export interface PrecisionRecall {
  /** Share of the suggestions made that were right. */
  precision: number;
  /** Share of the expected labels that were suggested. */
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Precision and recall of one label over a labelled set: each item has an expected label (or none)
 * and a predicted label (or none). A wrong label counts as a false positive and a false negative.
 */
export function precisionRecall<T>(
  items: ReadonlyArray<{ expected: T | undefined; predicted: T | undefined }>,
): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, predicted } of items) {
    if (predicted !== undefined && predicted === expected) tp++;
    else {
      if (predicted !== undefined) fp++;
      if (expected !== undefined) fn++;
    }
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
