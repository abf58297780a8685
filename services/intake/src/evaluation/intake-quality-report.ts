import { measureIntakeQuality } from './intake-quality';
import { percent, type PrecisionRecall } from './precision-recall';

const pr = (m: PrecisionRecall): string =>
  `${percent(m.precision)} | ${percent(m.recall)} | ${m.truePositives} / ${m.falsePositives} / ${m.falseNegatives}`;

/** docs/intake-quality.md, from the measurements (the unit test asserts floors under them). */
export function intakeQualityReport(): string {
  const q = measureIntakeQuality();
  const { tuning, heldOut } = q.classification;
  const dup = q.duplicates;
  const lines = [
    '# Intake quality',
    '',
    'Measured by `services/intake/src/evaluation/` on labelled sets written for this project (realistic',
    'requests in the way citizens write to 12345). Regenerate with',
    '`npx node -r @swc-node/register services/intake/src/evaluation/write-intake-quality.ts`; the unit test',
    '`intake-quality.spec.ts` fails when a figure drops below its floor.',
    '',
    'The dictionary and the thresholds were tuned on the **tuning** sets; the **held-out** sets were',
    'written afterwards and never used to tune, so they are the honest estimate for new text.',
    '',
    `Classifier: \`${q.classifier}\` (keyword and rule dictionary, \`services/intake/src/classification/dictionaries/\`).`,
    '',
    '## Classification',
    '',
    '| set | requests | type accuracy |',
    '| --- | ---: | ---: |',
    `| tuning | ${tuning.cases} | ${percent(tuning.typeAccuracy)} |`,
    `| held-out | ${heldOut.cases} | ${percent(heldOut.typeAccuracy)} |`,
    '',
    '| label | set | precision | recall | TP / FP / FN |',
    '| --- | --- | ---: | ---: | --- |',
    `| category | tuning | ${pr(tuning.category)} |`,
    `| category | held-out | ${pr(heldOut.category)} |`,
    `| emergency (110/119/120/122) | tuning | ${pr(tuning.emergency)} |`,
    `| emergency (110/119/120/122) | held-out | ${pr(heldOut.emergency)} |`,
    `| not accepted (reason) | tuning | ${pr(tuning.notAccepted)} |`,
    `| not accepted (reason) | held-out | ${pr(heldOut.notAccepted)} |`,
    '',
    '| set | registered without an agent | of those, right category |',
    '| --- | ---: | ---: |',
    `| tuning | ${percent(tuning.autoRegister.share)} | ${percent(tuning.autoRegister.precision)} |`,
    `| held-out | ${percent(heldOut.autoRegister.share)} | ${percent(heldOut.autoRegister.precision)} |`,
    '',
    'A self-service contact is registered without an agent when its confidence reaches the',
    "dictionary's `autoRegister` threshold and no emergency, not-accepted reason or duplicate is suggested.",
    '',
    'A category counts as suggested when its score reaches the dictionary threshold; a request whose',
    'matter has no category in the sample taxonomy (housing fund, household registration) expects none.',
    '',
    '## Duplicates',
    '',
    'Each pair is a new contact against an open case. "Suggested" is a score at or above',
    '`suggestScore`; "auto-merge" is the web/SMS rule (same caller, score at or above `autoMergeScore`),',
    'measured on the same-caller pairs.',
    '',
    '| decision | set | pairs | precision | recall | TP / FP / FN |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    `| suggested | tuning | ${dup.tuning.pairs} | ${pr(dup.tuning.suggestion)} |`,
    `| suggested | held-out | ${dup.heldOut.pairs} | ${pr(dup.heldOut.suggestion)} |`,
    `| auto-merge | tuning | ${dup.tuning.sameCallerPairs} | ${pr(dup.tuning.autoMerge)} |`,
    `| auto-merge | held-out | ${dup.heldOut.sameCallerPairs} | ${pr(dup.heldOut.autoMerge)} |`,
    '',
    '## Knowledge search',
    '',
    `${q.knowledge.queries} questions as citizens ask them, each labelled with the article that answers it,`,
    'against the seeded knowledge base (character n-grams, BM25).',
    '',
    '| top 1 | top 3 | mean reciprocal rank |',
    '| ---: | ---: | ---: |',
    `| ${percent(q.knowledge.top1)} | ${percent(q.knowledge.top3)} | ${q.knowledge.mrr.toFixed(3)} |`,
    '',
    '## What it gets wrong',
    '',
    ...heldOut.misses.map(
      (m) => `- held-out ${m.field}: expected ${String(m.expected)}, got ${String(m.got)} — ${m.text}`,
    ),
    ...dup.heldOut.misses.map(
      (m) => `- held-out duplicate missed (score ${m.score}): ${m.contact} / ${m.openCase}`,
    ),
    ...q.knowledge.misses
      .filter((m) => !m.got.includes(m.expected))
      .map((m) => `- knowledge: "${m.query}" expected ${m.expected}, got ${m.got.join(', ')}`),
    '',
  ];
  return lines.join('\n');
}
