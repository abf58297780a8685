import type { IntakeQuality } from './intake-quality';
import { classificationReport } from './classification-quality-report';
import { percent, type PrecisionRecall } from './precision-recall';

const pr = (m: PrecisionRecall): string =>
  `${percent(m.precision)} | ${percent(m.recall)} | ${m.truePositives} / ${m.falsePositives} / ${m.falseNegatives}`;

/** docs/intake-quality.md, from the measurements (the unit test asserts floors under them). */
export function intakeQualityReport(q: IntakeQuality): string {
  const dup = q.duplicates;
  const lines = [
    '# Intake quality',
    '',
    'Measured by `services/intake/src/evaluation/` on labelled sets written for this project (realistic',
    'requests in the way citizens write to 12345). Regenerate with',
    '`npx node -r @swc-node/register services/intake/src/evaluation/write-intake-quality.ts`; the unit test',
    '`intake-quality.spec.ts` fails when a figure drops below its floor.',
    '',
    ...classificationReport(q.classification),
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
    '## What duplicates and knowledge search get wrong',
    '',
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
