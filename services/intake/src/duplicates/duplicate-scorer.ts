import type { DuplicateReason, DuplicateSuggestion } from '@hotline/contracts';
import type { DuplicatePolicy } from './duplicate-policy';
import { textSimilarity, type Shingles } from './text-fingerprint';

/** What the duplicate detector knows of a case it compares against. */
export interface CaseFingerprint {
  caseId: string;
  caseNumber?: string;
  phone?: string;
  categoryCode?: string;
  placeKeys: readonly string[];
  shingles: Shingles;
  /** Closed, declined or merged cases are only used for the "already concluded" rule. */
  open: boolean;
  registeredAt: string;
}

/** The contact being checked. */
export interface DuplicateProbe {
  phone?: string;
  categoryCode?: string;
  placeKeys: readonly string[];
  shingles: Shingles;
}

export interface ScoredCandidate {
  candidate: CaseFingerprint;
  suggestion: DuplicateSuggestion;
  sameCaller: boolean;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
const DAY_MS = 86_400_000;

/**
 * How likely a case is the same matter as the probe. Text similarity counts most; the same caller
 * (within the window) or the same place raise the floor, since a repeat is usually worded anew, and
 * the same category adds to either; two texts that name different places are taken apart.
 */
export function scoreCandidate(
  probe: DuplicateProbe,
  candidate: CaseFingerprint,
  policy: DuplicatePolicy,
  now: Date,
): ScoredCandidate {
  const similarity = textSimilarity(probe.shingles, candidate.shingles);
  const sameCaller =
    probe.phone !== undefined &&
    probe.phone === candidate.phone &&
    now.getTime() - Date.parse(candidate.registeredAt) <= policy.sameCallerWindowDays * DAY_MS;
  const samePlace = probe.placeKeys.some((key) => candidate.placeKeys.includes(key));
  const sameCategory = probe.categoryCode !== undefined && probe.categoryCode === candidate.categoryCode;
  // Both name a place and none is shared: the same words about another place are another matter.
  const placesDiffer = !samePlace && probe.placeKeys.length > 0 && candidate.placeKeys.length > 0;
  let score: number;
  if (sameCaller) score = 0.35 + 0.65 * similarity + (sameCategory ? 0.15 : 0) - (placesDiffer ? 0.2 : 0);
  else if (samePlace) score = 0.2 + 0.6 * similarity + (sameCategory ? 0.2 : 0);
  else score = (0.9 * similarity + (sameCategory ? 0.1 : 0)) * (placesDiffer ? 0.5 : 1);
  const reasons: DuplicateReason[] = [];
  if (sameCaller) reasons.push('same-caller');
  if (similarity >= 0.3) reasons.push('similar-content');
  if (samePlace) reasons.push('same-place');
  if (sameCategory) reasons.push('same-category');
  if (reasons.length === 0) reasons.push('similar-content');
  return {
    candidate,
    sameCaller,
    suggestion: {
      caseId: candidate.caseId,
      ...(candidate.caseNumber ? { caseNumber: candidate.caseNumber } : {}),
      similarity: round(similarity),
      score: round(Math.min(1, score)),
      reasons,
    },
  };
}

/** The open cases worth suggesting, best first, at most `limit`. */
export function rankDuplicates(
  probe: DuplicateProbe,
  candidates: readonly CaseFingerprint[],
  policy: DuplicatePolicy,
  now: Date,
  limit: number,
): ScoredCandidate[] {
  const seen = new Set<string>();
  return candidates
    .filter((c) => c.open && !seen.has(c.caseId) && seen.add(c.caseId))
    .map((c) => scoreCandidate(probe, c, policy, now))
    .filter((s) => s.suggestion.score >= policy.suggestScore)
    .sort((a, b) => b.suggestion.score - a.suggestion.score)
    .slice(0, limit);
}

/** The caller's concluded case this probe repeats with the same facts, if any. */
export function concludedRepeat(
  probe: DuplicateProbe,
  candidates: readonly CaseFingerprint[],
  policy: DuplicatePolicy,
  now: Date,
): ScoredCandidate | undefined {
  return candidates
    .filter((c) => !c.open)
    .map((c) => scoreCandidate(probe, c, policy, now))
    .filter((s) => s.sameCaller && s.suggestion.similarity >= policy.concludedSimilarity)
    .sort((a, b) => b.suggestion.similarity - a.suggestion.similarity)[0];
}
