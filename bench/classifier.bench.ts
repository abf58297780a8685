/**
 * The learned intake classifier: training on a city's history with cross-validation, as the
 * scheduled retraining does it (goal: 1,000,000 cases in ≤ 10 minutes), and the latency of one
 * classification (goal p99 ≤ 20 ms). It generates 1,000,000 labelled cases at scale 1
 * (`BENCH_ONLY=classifier npm run bench`; `BENCH_SCALE=0.002` for a smoke run of 2,000), each a
 * corpus text of the training part with its own street, number and opener so that no two are
 * alike, and trains on all of them: features once, cross-validation on a sample of 50,000 for the
 * temperatures and thresholds, then the model on every case.
 */
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { loadCorpus } from '../services/intake/src/classification/corpus/load-corpus';
import { classifierFeatures } from '../services/intake/src/classification/learned/classifier-features';
import type { LabelledExample } from '../services/intake/src/classification/learned/labelled-example';
import { LearnedClassifier } from '../services/intake/src/classification/learned/learned-classifier';
import {
  CALIBRATION_EXAMPLES,
  epochsFor,
  trainClassifier,
} from '../services/intake/src/classification/learned/train-classifier';
import { jiebaSegmenter } from '../services/intake/src/classification/learned/word-segmenter';
import { RuleClassifier } from '../services/intake/src/classification/rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from '../services/intake/src/classification/sample-city-dictionary';
import { type BenchResult, type Benchmark, timed } from './bench-kit';

const GOAL_CASES = 1_000_000;
const GOAL_MINUTES = 10;
const STREETS = ['五四路', '东街', '达道路', '金山大道', '福马路', '江滨路', '工业路', '华林路', '六一路'];
const OPENERS = ['', '你好，', '喂，', '市民来电：', '麻烦问下，', '来电人反映：', '我想说一下，'];

/**
 * Example updates a training with cross-validation makes on `cases`: four folds of three quarters
 * of the calibration sample, then every case, each for its number of passes. A smoke run at a small
 * scale passes more often over fewer cases, so its time is scaled by this, not by the cases.
 */
function updates(cases: number): number {
  const sample = Math.min(cases, CALIBRATION_EXAMPLES);
  return 4 * 0.75 * sample * epochsFor(sample) + cases * epochsFor(cases);
}

function history(count: number): LabelledExample[] {
  const corpus = loadCorpus('training');
  return Array.from({ length: count }, (_, i) => {
    const item = corpus[i % corpus.length]!;
    const street = STREETS[(i * 7) % STREETS.length];
    const opener = OPENERS[(i * 3) % OPENERS.length];
    return {
      ...item,
      text: `${opener}${street}${(i % 997) + 1}号附近，${item.text}`,
      group: `h${i % 50_000}`,
    };
  });
}

export const run: Benchmark = async ({ scale }) => {
  const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, new CategoryTaxonomy(SAMPLE_CATEGORIES));
  const featurize = classifierFeatures(rules, jiebaSegmenter());
  const cases = Math.max(2_000, Math.round(GOAL_CASES * scale));
  const examples = history(cases);
  let trained: Awaited<ReturnType<typeof trainClassifier>> | undefined;
  const training = await timed(cases, async () => {
    trained = await trainClassifier(examples, featurize);
  });
  const residentGiB = process.memoryUsage().rss / 2 ** 30;
  const classifier = new LearnedClassifier(rules, undefined, trained, 'bench');
  const texts = loadCorpus().map((i) => i.text);
  for (const content of texts.slice(0, 300)) classifier.classifySync({ content });
  const latencies: number[] = [];
  const rounds = Math.max(1, Math.round(5 * Math.min(1, scale * 10)));
  const classifying = await timed(texts.length * rounds, () => {
    for (let r = 0; r < rounds; r++) {
      for (const content of texts) {
        const started = performance.now();
        classifier.classifySync({ content });
        latencies.push(performance.now() - started);
      }
    }
  });
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  const minutes = training.seconds / 60;
  const results: BenchResult[] = [
    {
      name: `classifier training, ${cases.toLocaleString('en-US')} cases, with cross-validation`,
      unit: 'case',
      ours: training,
      goal: { minPerSecond: GOAL_CASES / (GOAL_MINUTES * 60) },
      notes:
        `${minutes.toFixed(1)} min, resident ${residentGiB.toFixed(1)} GiB after training` +
        (cases < GOAL_CASES
          ? `; 1,000,000 cases: ~${((minutes * updates(GOAL_CASES)) / updates(cases)).toFixed(0)} min by extrapolation from the example updates (scale ${scale})`
          : '') +
        ` (goal ≤ ${GOAL_MINUTES} min for 1,000,000)`,
    },
    {
      name: 'classifier: one suggestion',
      unit: 'request',
      ours: classifying,
      notes: `p99 ${p99.toFixed(2)} ms (goal ≤ 20 ms)`,
    },
  ];
  return results;
};
