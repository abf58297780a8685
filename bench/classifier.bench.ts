/**
 * The learned intake classifier: training on a city's history with cross-validation, as the
 * scheduled retraining does it (the goal: 1,000,000 cases in ≤ 10 minutes), and the latency of one
 * classification (goal p99 ≤ 20 ms). The history is made from the labelled corpus's training part,
 * each case a corpus text with its own street and number so that no two are alike. It measures
 * 100,000 cases at scale 1 and states the time for 1,000,000 by linear extrapolation (training is
 * linear in the cases at a fixed number of passes): a full million takes about an hour here and
 * several GB for the features, too much for a shared benchmark run.
 */
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { loadCorpus } from '../services/intake/src/classification/corpus/load-corpus';
import { classifierFeatures } from '../services/intake/src/classification/learned/classifier-features';
import type { LabelledExample } from '../services/intake/src/classification/learned/labelled-example';
import { LearnedClassifier } from '../services/intake/src/classification/learned/learned-classifier';
import { trainClassifier } from '../services/intake/src/classification/learned/train-classifier';
import { jiebaSegmenter } from '../services/intake/src/classification/learned/word-segmenter';
import { RuleClassifier } from '../services/intake/src/classification/rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from '../services/intake/src/classification/sample-city-dictionary';
import { type BenchResult, type Benchmark, timed } from './bench-kit';

const GOAL_CASES = 1_000_000;
const MEASURED_CASES = 100_000;
const STREETS = ['五四路', '东街', '达道路', '金山大道', '福马路', '江滨路', '工业路', '华林路'];

function history(count: number): LabelledExample[] {
  const corpus = loadCorpus('training');
  return Array.from({ length: count }, (_, i) => {
    const item = corpus[i % corpus.length]!;
    const street = STREETS[(i * 7) % STREETS.length];
    return { ...item, text: `${street}${(i % 300) + 1}号附近，${item.text}`, group: `h${i}` };
  });
}

export const run: Benchmark = async ({ scale }) => {
  const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, new CategoryTaxonomy(SAMPLE_CATEGORIES));
  const featurize = classifierFeatures(rules, jiebaSegmenter());
  const cases = Math.max(2_000, Math.round(MEASURED_CASES * scale));
  const examples = history(cases);
  let trained: Awaited<ReturnType<typeof trainClassifier>> | undefined;
  const training = await timed(cases, async () => {
    trained = await trainClassifier(examples, featurize);
  });
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
  const millionMinutes = (training.seconds * (GOAL_CASES / cases)) / 60;
  const results: BenchResult[] = [
    {
      name: `classifier training, ${cases.toLocaleString('en-US')} cases, with cross-validation`,
      unit: 'case',
      ours: training,
      goal: { minPerSecond: GOAL_CASES / 600 },
      notes: `${(training.seconds / 60).toFixed(1)} min; 1,000,000 cases: ~${millionMinutes.toFixed(0)} min by extrapolation (goal ≤ 10 min)`,
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
