/**
 * The cross-validation sweep behind the classifier's feature settings and training options
 * (docs/intake-quality.md): each candidate is measured by 4-fold cross-validation on the corpus's
 * training part only; the held-out part is never read here.
 * `npx node -r @swc-node/register services/intake/src/evaluation/tune-classifier.ts`.
 */
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { loadCorpus } from '../classification/corpus/load-corpus';
import {
  classifierFeatures,
  FEATURE_SETTINGS,
  type FeatureSettings,
} from '../classification/learned/classifier-features';
import { ratio } from '../classification/learned/measure-suggestions';
import type { TrainingOptions } from '../classification/learned/softmax-regression';
import { calibrate, CLASSIFIER_TRAINING } from '../classification/learned/train-classifier';
import { jiebaSegmenter } from '../classification/learned/word-segmenter';
import { RuleClassifier } from '../classification/rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from '../classification/sample-city-dictionary';

interface Candidate {
  features: FeatureSettings;
  training: TrainingOptions;
}

const percent = (r: { right: number; of: number }) => `${(ratio(r) * 100).toFixed(1)} %`;

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  for (const secondMatterWeight of [1, 0.5, 0.3, 0.15])
    for (const ruleWeight of [0.5, 0.8, 1.2])
      out.push({ features: { ruleWeight, secondMatterWeight }, training: CLASSIFIER_TRAINING });
  for (const l2 of [1e-7, 1e-5])
    for (const epochs of [8, 16])
      out.push({ features: FEATURE_SETTINGS, training: { ...CLASSIFIER_TRAINING, l2, epochs } });
  return out;
}

async function main(): Promise<void> {
  const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, new CategoryTaxonomy(SAMPLE_CATEGORIES));
  const training = loadCorpus('training');
  const segmenter = jiebaSegmenter();
  const only = process.argv.slice(2);
  for (const [i, { features, training: options }] of candidates().entries()) {
    if (only.length > 0 && !only.includes(String(i))) continue;
    const { crossValidation: cv, unitThroughCategory } = await calibrate(
      training,
      classifierFeatures(rules, segmenter, features),
      options,
    );
    process.stdout.write(
      `${i} ${JSON.stringify({ ...features, l2: options.l2, epochs: options.epochs })} type ${percent(cv.type)}` +
        ` category ${percent(cv.categoryTop1)} top3 ${percent(cv.categoryTop3)} unit ${percent(cv.unitTop1)}` +
        ` (mix ${unitThroughCategory}) emergency recall ${(cv.emergency.recall * 100).toFixed(1)} %` +
        ` not-accepted recall ${(cv.notAccepted.recall * 100).toFixed(1)} % auto ${percent(cv.autoRegistered)}` +
        ` of ${(cv.autoRegistered.share * 100).toFixed(1)} %\n`,
    );
  }
}

void main();
