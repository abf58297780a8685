import type { CaseFingerprint } from './duplicate-scorer';

/** The keys a probe is looked up by: each is one indexed route to candidate cases. */
export interface FingerprintLookup {
  phone?: string;
  /** Place keys joined with the category (`name:幸福小区|010102`): the same place and category. */
  placeCategoryKeys: readonly string[];
  /** The content's LSH band keys (`MinHasher.bandKeys`). */
  bandKeys: readonly number[];
}

/** The lookup key of a place within a category, as the read model indexes it. */
export const placeCategoryKey = (placeKey: string, categoryCode: string): string =>
  `${placeKey}|${categoryCode}`;

/** Where the duplicate detector finds cases to compare with (a read model of the case events). */
export interface CaseFingerprintSource {
  /** The newest `perRoute` cases of each route, each case once. */
  candidates(lookup: FingerprintLookup, perRoute: number): CaseFingerprint[];
}
