import type { RuleClassifier } from '../classification/rule-classifier';
import type { ClassificationCase } from './classification.eval-set';
import { precisionRecall, type PrecisionRecall } from './precision-recall';

export interface ClassificationQuality {
  cases: number;
  typeAccuracy: number;
  category: PrecisionRecall;
  emergency: PrecisionRecall;
  notAccepted: PrecisionRecall;
  /** Items the platform would register on its own (confidence at the threshold), and how many of those have the right category. */
  autoRegister: { share: number; precision: number };
  /** The items the classifier got wrong, for the report and for whoever edits the dictionary. */
  misses: Array<{ text: string; field: string; expected: unknown; got: unknown }>;
}

export function measureClassification(
  classifier: RuleClassifier,
  set: readonly ClassificationCase[],
): ClassificationQuality {
  const results = set.map((item) => ({ item, got: classifier.classifySync({ content: item.text }) }));
  const misses: ClassificationQuality['misses'] = [];
  const miss = (text: string, field: string, expected: unknown, got: unknown) => {
    if (expected !== got) misses.push({ text, field, expected, got });
  };
  for (const { item, got } of results) {
    miss(item.text, 'type', item.type, got.type);
    miss(item.text, 'category', item.categoryCode, got.categoryCode);
    miss(item.text, 'emergency', item.emergency, got.emergency?.service);
    miss(item.text, 'notAccepted', item.notAccepted, got.notAccepted?.reason);
  }
  const confident = results.filter(
    ({ got }) => got.categoryCode !== undefined && got.confidence >= classifier.autoRegisterConfidence,
  );
  return {
    cases: set.length,
    autoRegister: {
      share: confident.length / set.length,
      precision:
        confident.length === 0
          ? 1
          : confident.filter(({ item, got }) => got.categoryCode === item.categoryCode).length /
            confident.length,
    },
    typeAccuracy: results.filter(({ item, got }) => got.type === item.type).length / set.length,
    category: precisionRecall(
      results.map(({ item, got }) => ({ expected: item.categoryCode, predicted: got.categoryCode })),
    ),
    emergency: precisionRecall(
      results.map(({ item, got }) => ({ expected: item.emergency, predicted: got.emergency?.service })),
    ),
    notAccepted: precisionRecall(
      results.map(({ item, got }) => ({ expected: item.notAccepted, predicted: got.notAccepted?.reason })),
    ),
    misses,
  };
}
