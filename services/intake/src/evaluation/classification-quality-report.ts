import { SAMPLE_CATEGORIES, type CaseType } from '@hotline/contracts';
import { ratio, type Rate, type SuggestionQuality } from '../classification/learned/measure-suggestions';
import type { ClassificationQuality } from './classification-quality';
import { percent } from './precision-recall';

const names = new Map(SAMPLE_CATEGORIES.map((c) => [c.code, c.name]));
const label = (code: string) => (names.has(code) ? `${code} ${names.get(code)}` : code);
const rate = (r: Rate) => `${percent(ratio(r))} (${r.right}/${r.of})`;
const met = (value: number, goal: number) => (value >= goal ? 'yes' : '**no**');

const GOALS = {
  type: 0.9,
  top1: 0.85,
  top3: 0.95,
  unit: 0.85,
  emergencyRecall: 0.95,
  emergencyPrecision: 0.8,
  notAccepted: 0.8,
  auto: 0.98,
};

function headline(q: ClassificationQuality): string[] {
  const h = q.heldOut;
  const r = q.rulesHeldOut;
  const cv = q.crossValidation;
  const row = (
    name: string,
    f: (s: SuggestionQuality) => number,
    goal: number | undefined,
    show: (s: SuggestionQuality) => string,
  ) =>
    `| ${name} | ${show(h)} | ${goal === undefined ? '—' : `${percent(goal)}: ${met(f(h), goal)}`} | ${show(r)} | ${cv ? show(cv) : '—'} |`;
  return [
    '| measure | held-out, learned | goal: met? | held-out, rules alone | cross-validation (training) |',
    '| --- | ---: | --- | ---: | ---: |',
    row(
      'type',
      (s) => ratio(s.type),
      GOALS.type,
      (s) => rate(s.type),
    ),
    row(
      'category top 1',
      (s) => ratio(s.categoryTop1),
      GOALS.top1,
      (s) => rate(s.categoryTop1),
    ),
    row(
      'category top 3',
      (s) => ratio(s.categoryTop3),
      GOALS.top3,
      (s) => rate(s.categoryTop3),
    ),
    row(
      'handling unit top 1',
      (s) => ratio(s.unitTop1),
      GOALS.unit,
      (s) => rate(s.unitTop1),
    ),
    row(
      'emergency recall',
      (s) => s.emergency.recall,
      GOALS.emergencyRecall,
      (s) =>
        `${percent(s.emergency.recall)} (${s.emergency.truePositives}/${s.emergency.truePositives + s.emergency.falseNegatives})`,
    ),
    row(
      'emergency precision',
      (s) => s.emergency.precision,
      GOALS.emergencyPrecision,
      (s) =>
        `${percent(s.emergency.precision)} (${s.emergency.truePositives}/${s.emergency.truePositives + s.emergency.falsePositives})`,
    ),
    row(
      'not accepted, right reason: recall',
      (s) => s.notAccepted.recall,
      GOALS.notAccepted,
      (s) =>
        `${percent(s.notAccepted.recall)} (${s.notAccepted.truePositives}/${s.notAccepted.truePositives + s.notAccepted.falseNegatives})`,
    ),
    row(
      'not accepted, right reason: precision',
      (s) => s.notAccepted.precision,
      undefined,
      (s) =>
        `${percent(s.notAccepted.precision)} (${s.notAccepted.truePositives}/${s.notAccepted.truePositives + s.notAccepted.falsePositives})`,
    ),
    row(
      'registered alone: right',
      (s) => ratio(s.autoRegistered),
      GOALS.auto,
      (s) => rate(s.autoRegistered),
    ),
    row(
      'registered alone: share of requests',
      () => 1,
      undefined,
      (s) => percent(s.autoRegistered.share),
    ),
  ];
}

const TYPE_NAMES: Record<CaseType, string> = {
  consult: '咨询',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  help: '求助',
  praise: '表扬',
};

const typeRows = (q: ClassificationQuality) =>
  (Object.keys(TYPE_NAMES) as CaseType[]).map((type) => {
    const none = { right: 0, of: 0 };
    return `| ${type} ${TYPE_NAMES[type]} | ${rate(q.heldOut.typeByKind[type] ?? none)} | ${rate(q.rulesHeldOut.typeByKind[type] ?? none)} |`;
  });

/** The classification part of docs/intake-quality.md. */
export function classificationReport(q: ClassificationQuality): string[] {
  const h = q.heldOut;
  return [
    '## Classification',
    '',
    `Classifier: \`${q.classifier}\` (words by jieba, character 1–3-grams and the rules that fire as features;`,
    `one calibrated multinomial logistic regression per head), beside the rules \`${q.rules}\`.`,
    '',
    '### The corpus, and how it was made',
    '',
    `${q.corpus.items} labelled requests in \`services/intake/src/classification/corpus/corpus.jsonl\`:`,
    `${q.corpus.generated} generated from templates and ${q.corpus.handWritten} written one by one. The templates`,
    "(`leaf-matters.ts`, `special-matters.ts`, `framings.ts`) hold each taxonomy leaf's situations in citizens'",
    'words, framed as the six types the way citizens write and agents type calls (来电人反映…), roughened with',
    'openers, closers, dialect words, typos (红路灯, 物叶, 拉圾), missing punctuation and a second matter.',
    'Emergencies, near misses (打不着火, 没有着火, 上次着火, 烟囱冒黑烟) and every not-accepted reason are',
    'written as whole requests. The hand-written items include the 107 of the earlier tuning and held-out sets.',
    '',
    `The split is made once by a hash of each item's group (\`corpus-item.ts\`): ${q.corpus.training} training,`,
    `${q.corpus.heldOut} held out. A group is one situation with all its framings, so the held-out part holds`,
    'situations the model never saw in any wording. Hyper-parameters, the rule feature weight, the temperatures',
    'and every threshold were chosen by 4-fold cross-validation on the training part (groups kept within a',
    "fold); the rule dictionary was extended from the rules' misses on the training part only.",
    '',
    '**Caveats, honestly.** The same engineer wrote the corpus, the templates and the dictionary, so these',
    "figures are closer to the team's own set than to an outsider's, which the issue warns overstates",
    'the rules. Template variants share phrasing, which flatters type accuracy. While the split was being set',
    'up, one exploratory run printed some held-out emergency and not-accepted misses; nothing was changed',
    'because of them, but they were seen. An outside set, as in the issue, remains the real test.',
    '',
    '### On the held-out part',
    '',
    ...headline(q),
    '',
    `Classification latency over all ${q.corpus.items} texts after a warm-up: p50 ${q.latencyMs.p50.toFixed(2)} ms,`,
    `p99 ${q.latencyMs.p99.toFixed(2)} ms, max ${q.latencyMs.max.toFixed(2)} ms (goal p99 ≤ 20 ms: ${met(20 - q.latencyMs.p99, 0)}).`,
    `Training with cross-validation on ${q.training.examples} examples: ${(q.training.ms / 1000).toFixed(1)} s (\`bench/classifier.bench.ts\` measures 100,000 and states 1,000,000). The latency is measured on a shared 2-core machine while other work runs; the benchmark measures it alone.`,
    '',
    'An emergency counts as found when it is flagged (the agent confirms the service). Registered alone: what',
    'a self-service contact would be registered as without an agent (confidence at or above the threshold, no',
    'emergency, no not-accepted reason), right when type and category are right and it should be accepted.',
    '',
    '| type | held-out, learned | held-out, rules alone |',
    '| --- | ---: | ---: |',
    ...typeRows(q),
    '',
    '### Thresholds and calibration',
    '',
    `Chosen on the cross-validation predictions: emergency flagged at P(some emergency) ≥ ${q.thresholds.emergency}`,
    `(recall target 97 %), not-accepted suggested at P(some reason) ≥ ${q.thresholds.notAccepted} (recall target`,
    `85 %), registered alone at confidence ≥ ${q.thresholds.autoRegister} (98.5 % right on the folds).`,
    `Temperatures: ${Object.entries(q.temperatures)
      .map(([head, t]) => `${head} ${t.toFixed(2)}`)
      .join(', ')}.`,
    `Expected calibration error on the held-out part: type ${h.reliability.type.ece.toFixed(3)}, category top 1 ${h.reliability.category.ece.toFixed(3)}.`,
    '',
    '| category top-1 confidence | requests | mean confidence | right |',
    '| --- | ---: | ---: | ---: |',
    ...h.reliability.category.bins.map(
      (b) =>
        `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.count} | ${percent(b.confidence)} | ${percent(b.accuracy)} |`,
    ),
    '',
    '### Confusions on the held-out part',
    '',
    '| expected | suggested | times |',
    '| --- | --- | ---: |',
    ...h.confusions.type.map((c) => `| type ${c.expected} | ${c.got} | ${c.count} |`),
    ...h.confusions.category.map((c) => `| ${label(c.expected)} | ${label(c.got)} | ${c.count} |`),
    '',
    `### Every held-out miss (${h.misses.length})`,
    '',
    ...h.misses.map((m) => `- ${m.field}: expected ${m.expected}, got ${m.got} — ${m.text}`),
    '',
  ];
}
