import { placeKeysOf } from '../duplicates/place-keys';
import type { DuplicatePolicy } from '../duplicates/duplicate-policy';
import { scoreCandidate, type CaseFingerprint, type DuplicateProbe } from '../duplicates/duplicate-scorer';
import { contentShingles } from '../duplicates/text-fingerprint';
import type { DuplicatePair, DuplicateSide } from './duplicates.eval-set';
import { precisionRecall, type PrecisionRecall } from './precision-recall';

const NOW = new Date('2025-06-02T02:00:00.000Z');

const probeOf = (side: DuplicateSide, categoryCode: string | undefined): DuplicateProbe => ({
  ...(side.phone ? { phone: side.phone } : {}),
  ...(categoryCode ? { categoryCode } : {}),
  placeKeys: placeKeysOf(side.address ? { address: side.address } : undefined, side.content),
  shingles: contentShingles(side.content),
});

const fingerprintOf = (side: DuplicateSide, index: number): CaseFingerprint => ({
  caseId: `case-${index}`,
  ...probeOf(side, side.categoryCode),
  open: true,
  registeredAt: '2025-05-28T02:00:00.000Z',
});

export interface DuplicateQuality {
  pairs: number;
  sameCallerPairs: number;
  suggestion: PrecisionRecall;
  /** Same-caller pairs the platform would merge on its own (web, SMS). */
  autoMerge: PrecisionRecall;
  misses: Array<{ contact: string; openCase: string; expected: boolean; score: number }>;
}

/**
 * Each pair as the detector sees it at intake: the contact, classified into the open case's
 * category when `classifiedAs` says so, against that case.
 */
export function measureDuplicates(
  set: readonly DuplicatePair[],
  policy: DuplicatePolicy,
  classifiedAs: (content: string) => string | undefined,
): DuplicateQuality {
  const scored = set.map((pair, i) => ({
    pair,
    scored: scoreCandidate(
      probeOf(pair.contact, classifiedAs(pair.contact.content)),
      fingerprintOf(pair.openCase, i),
      policy,
      NOW,
    ),
  }));
  const label = (yes: boolean) => (yes ? true : undefined);
  return {
    pairs: set.length,
    sameCallerPairs: scored.filter(({ scored: s }) => s.sameCaller).length,
    suggestion: precisionRecall(
      scored.map(({ pair, scored: s }) => ({
        expected: label(pair.duplicate),
        predicted: label(s.suggestion.score >= policy.suggestScore),
      })),
    ),
    autoMerge: precisionRecall(
      scored
        .filter(({ scored: s }) => s.sameCaller)
        .map(({ pair, scored: s }) => ({
          expected: label(pair.duplicate),
          predicted: label(s.suggestion.score >= policy.autoMergeScore),
        })),
    ),
    misses: scored
      .filter(({ pair, scored: s }) => pair.duplicate !== s.suggestion.score >= policy.suggestScore)
      .map(({ pair, scored: s }) => ({
        contact: pair.contact.content,
        openCase: pair.openCase.content,
        expected: pair.duplicate,
        score: s.suggestion.score,
      })),
  };
}
