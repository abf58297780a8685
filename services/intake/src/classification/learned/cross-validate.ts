import { HEADS, labelOf, type Head, type LabelledExample } from './labelled-example';
import { trainModel, type FeaturizedExample, type Featurizer } from './learned-model';
import type { TrainingOptions } from './softmax-regression';
import type { UnitsByCategory } from './units-by-category';

/** A prediction made by a model that did not train on the example. */
export interface OutOfFold {
  example: LabelledExample;
  /** Raw scores per head and the classes they are for. */
  scores: Record<Head, Float64Array>;
  classes: Record<Head, readonly string[]>;
  /** The fold model's units per category. */
  unitsByCategory: UnitsByCategory;
}

function foldOf(example: LabelledExample, index: number, folds: number): number {
  const key = example.group ?? String(index);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  // The corpus split uses the low bits of the same kind of hash: use others for the folds.
  return ((hash >>> 0) >>> 8) % folds;
}

/**
 * K-fold cross-validation on the training data: every example predicted by a model trained on the
 * other folds (a group stays in one fold). Calibration and thresholds are chosen on these
 * predictions, never on held-out data. Each fold model's classes are aligned to the full set's.
 */
export async function crossValidate(
  data: readonly FeaturizedExample[],
  featurize: Featurizer,
  options: TrainingOptions,
  folds = 4,
): Promise<OutOfFold[]> {
  const assigned = data.map(({ example }, i) => foldOf(example, i, folds));
  const allClasses = Object.fromEntries(
    HEADS.map((head) => [head, [...new Set(data.map(({ example }) => labelOf[head](example)))].sort()]),
  ) as Record<Head, string[]>;
  const out: OutOfFold[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = await trainModel(
      data.filter((_, i) => assigned[i] !== fold),
      featurize,
      options,
    );
    data.forEach(({ example, x }, i) => {
      if (assigned[i] !== fold) return;
      const raw = model.scores(x);
      const scores = Object.fromEntries(
        HEADS.map((head) => {
          const own = model.heads[head].classes;
          // A class the fold never saw gets a very low score.
          const aligned = allClasses[head].map((c) => {
            const at = own.indexOf(c);
            return at === -1 ? -50 : (raw[head][at] ?? -50);
          });
          return [head, Float64Array.from(aligned)];
        }),
      ) as Record<Head, Float64Array>;
      out.push({ example, scores, classes: allClasses, unitsByCategory: model.unitsByCategory });
    });
  }
  return out;
}
