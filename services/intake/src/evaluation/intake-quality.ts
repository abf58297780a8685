import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { RuleClassifier } from '../classification/rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from '../classification/sample-city-dictionary';
import { DEFAULT_DUPLICATE_POLICY } from '../duplicates/duplicate-policy';
import { SEED_ARTICLES } from '../knowledge/seed/seed-articles';
import { measureClassificationQuality, type ClassificationQuality } from './classification-quality';
import { DUPLICATE_EVAL_SET } from './duplicates.eval-set';
import { DUPLICATE_HELD_OUT_SET } from './duplicates.held-out-set';
import { KNOWLEDGE_EVAL_SET } from './knowledge.eval-set';
import { measureDuplicates, type DuplicateQuality } from './measure-duplicates';
import { measureKnowledge, type KnowledgeQuality } from './measure-knowledge';

export interface IntakeQuality {
  classification: ClassificationQuality;
  duplicates: { tuning: DuplicateQuality; heldOut: DuplicateQuality };
  knowledge: KnowledgeQuality;
}

/** Every quality figure of intake, on the sample city's dictionary, corpus, thresholds and articles. */
export async function measureIntakeQuality(): Promise<IntakeQuality> {
  const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, new CategoryTaxonomy(SAMPLE_CATEGORIES));
  const categoryOf = (content: string) => rules.classifySync({ content }).categoryCode;
  return {
    classification: await measureClassificationQuality(rules),
    duplicates: {
      tuning: measureDuplicates(DUPLICATE_EVAL_SET, DEFAULT_DUPLICATE_POLICY, categoryOf),
      heldOut: measureDuplicates(DUPLICATE_HELD_OUT_SET, DEFAULT_DUPLICATE_POLICY, categoryOf),
    },
    knowledge: measureKnowledge(SEED_ARTICLES, KNOWLEDGE_EVAL_SET),
  };
}
