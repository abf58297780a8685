import type { DuplicateSuggestion, Place } from '@hotline/contracts';
import type { MinHasher } from '../text/min-hash';
import { placeCategoryKey, type CaseFingerprintSource } from './case-fingerprint-source.port';
import type { DuplicatePolicy } from './duplicate-policy';
import {
  concludedRepeat,
  rankDuplicates,
  type DuplicateProbe,
  type ScoredCandidate,
} from './duplicate-scorer';
import { placeKeysOf } from './place-keys';
import { contentBandKeys, contentShingles } from './text-fingerprint';

export interface DuplicateQuery {
  content: string;
  phone?: string;
  categoryCode?: string;
  place?: Place;
  limit: number;
}

export interface DuplicateFindings {
  suggestions: DuplicateSuggestion[];
  /** The caller's concluded case this repeats with the same facts, for the not-accepted rule. */
  concluded?: ScoredCandidate;
}

/**
 * Duplicate detection at intake: candidates by three indexed routes (the same caller; the same
 * place and category; similar content by LSH band), then scored. The cost is bounded by the routes
 * and their limits, not by the number of open cases; the index is in memory, so no I/O either.
 */
export class DuplicateFinder {
  constructor(
    private readonly source: CaseFingerprintSource,
    private readonly hasher: MinHasher,
    private readonly policy: DuplicatePolicy,
  ) {}

  find(query: DuplicateQuery, now: Date): DuplicateFindings {
    const shingles = contentShingles(query.content);
    const probe: DuplicateProbe = {
      ...(query.phone ? { phone: query.phone } : {}),
      ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
      placeKeys: placeKeysOf(query.place, query.content),
      shingles,
    };
    const category = query.categoryCode;
    const candidates = this.source.candidates(
      {
        ...(query.phone ? { phone: query.phone } : {}),
        placeCategoryKeys: category ? probe.placeKeys.map((key) => placeCategoryKey(key, category)) : [],
        bandKeys: contentBandKeys(shingles, this.hasher),
      },
      this.policy.candidatesPerRoute,
    );
    const concluded = concludedRepeat(probe, candidates, this.policy, now);
    return {
      suggestions: rankDuplicates(probe, candidates, this.policy, now, query.limit).map((s) => s.suggestion),
      ...(concluded ? { concluded } : {}),
    };
  }
}
