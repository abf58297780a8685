import type { CaseFingerprintIndex, RegisteredCase } from '../duplicates/case-fingerprint-index';

export type SeedCase = RegisteredCase & { caseNumber: string; phone: string };

/**
 * FOR BENCHMARKS: puts open cases straight into the duplicate index, as the follower does from
 * CaseRegistered events, so that duplicate detection can be measured against a million open cases
 * without registering a million cases through the workflow first.
 */
export function seedCaseFingerprints(index: CaseFingerprintIndex, cases: Iterable<SeedCase>): number {
  let written = 0;
  for (const c of cases) {
    index.register(c);
    written++;
  }
  return written;
}
