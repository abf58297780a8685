import { cpus, loadavg } from 'node:os';
import type { ClassificationSuggestion } from '@hotline/contracts';
import { loadCorpus } from '../classification/corpus/load-corpus';
import { trainWithCorpus } from '../classification/learned/corpus-classifier';
import type { Head } from '../classification/learned/labelled-example';
import { LearnedClassifier } from '../classification/learned/learned-classifier';
import { measureSuggestions, type SuggestionQuality } from '../classification/learned/measure-suggestions';
import type { DecisionThresholds, SuggestionDecision } from '../classification/learned/suggestion-decision';
import type { RuleClassifier } from '../classification/rule-classifier';

export interface ClassificationQuality {
  classifier: string;
  rules: string;
  corpus: { items: number; training: number; heldOut: number; handWritten: number; generated: number };
  thresholds: DecisionThresholds;
  temperatures: Record<Head, number>;
  unitThroughCategory: number;
  /** Out-of-fold predictions on the training part: where thresholds and hyper-parameters were chosen. */
  crossValidation?: SuggestionQuality;
  /** The held-out part, never used to choose anything. */
  heldOut: SuggestionQuality;
  /** The rules alone on the held-out part, for comparison. */
  rulesHeldOut: SuggestionQuality;
  latencyMs: { p50: number; p99: number; max: number };
  /** The machine's 1-minute load average when the latency was measured, and its cores. */
  load: { average: number; cores: number };
  training: { examples: number; ms: number };
}

/** The rule classifier's answer in the shape the figures are measured on. */
function ruleDecision(s: ClassificationSuggestion): SuggestionDecision {
  return {
    type: s.type ?? 'complaint',
    typeProbability: s.confidence,
    ...(s.categoryCode ? { categoryCode: s.categoryCode } : {}),
    categories: s.categoryCode ? [{ label: s.categoryCode, probability: s.confidence }] : [],
    ...(s.emergency ? { emergency: { service: s.emergency.service, probability: 1 } } : {}),
    ...(s.notAccepted ? { notAccepted: { reason: s.notAccepted.reason, probability: 1 } } : {}),
    confidence: s.confidence,
  };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/**
 * Milliseconds per classification (the whole suggestion, rules included) over every corpus text,
 * after a warm-up round so that the compiler's first passes are not counted; sorted.
 */
function measureLatency(classifier: LearnedClassifier, texts: readonly string[]): number[] {
  for (const content of texts.slice(0, 200)) classifier.classifySync({ content });
  const latencies = texts.map((content) => {
    const started = performance.now();
    classifier.classifySync({ content });
    return performance.now() - started;
  });
  return latencies.sort((a, b) => a - b);
}

/** Trains on the corpus's training part and measures on its held-out part (the figures of docs/intake-quality.md). */
export async function measureClassificationQuality(rules: RuleClassifier): Promise<ClassificationQuality> {
  const all = loadCorpus();
  const heldOut = loadCorpus('held-out');
  const trained = await trainWithCorpus(rules);
  const classifier = new LearnedClassifier(rules, undefined, trained, 'sample-city');
  const decided = heldOut.map((example) => ({ example, decision: classifier.decide(example.text, trained) }));
  const latencies = measureLatency(
    classifier,
    all.map((i) => i.text),
  );
  return {
    classifier: classifier.name,
    rules: rules.name,
    corpus: {
      items: all.length,
      training: all.length - heldOut.length,
      heldOut: heldOut.length,
      handWritten: all.filter((i) => i.source === 'hand').length,
      generated: all.filter((i) => i.source === 'template').length,
    },
    thresholds: trained.thresholds,
    temperatures: trained.temperatures,
    unitThroughCategory: trained.unitThroughCategory,
    crossValidation: trained.crossValidation,
    heldOut: measureSuggestions(decided, trained.thresholds.autoRegister),
    rulesHeldOut: measureSuggestions(
      heldOut.map((example) => ({
        example,
        decision: ruleDecision(rules.classifySync({ content: example.text })),
      })),
      rules.autoRegisterConfidence,
    ),
    latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? 0 },
    load: { average: loadavg()[0] ?? 0, cores: cpus().length },
    training: { examples: trained.examples, ms: trained.trainingMs },
  };
}
