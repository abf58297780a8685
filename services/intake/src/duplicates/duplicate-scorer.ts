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

interface Match {
  candidate: CaseFingerprint;
  similarity: number;
  /** Rounded to three places and capped at 1, as the suggestion shows it. */
  score: number;
  sameCaller: boolean;
  samePlace: boolean;
  sameCategory: boolean;
}

/**
 * How likely a case is the same matter as the probe. Text similarity counts most; the same caller
 * (within the window) or the same place raise the floor, since a repeat is usually worded anew, and
 * the same category adds to either; two texts that name different places are taken apart.
 */
function match(probe: DuplicateProbe, candidate: CaseFingerprint, policy: DuplicatePolicy, now: Date): Match {
  const similarity = textSimilarity(probe.shingles, candidate.shingles);
  const sameCaller =
    probe.phone !== undefined &&
    probe.phone === candidate.phone &&
    now.getTime() - Date.parse(candidate.registeredAt) <= policy.sameCallerWindowDays * DAY_MS;
  let samePlace = false;
  for (const key of probe.placeKeys) if (candidate.placeKeys.includes(key)) samePlace = true;
  const sameCategory = probe.categoryCode !== undefined && probe.categoryCode === candidate.categoryCode;
  // Both name a place and none is shared: the same words about another place are another matter.
  const placesDiffer = !samePlace && probe.placeKeys.length > 0 && candidate.placeKeys.length > 0;
  let score: number;
  if (sameCaller) score = 0.35 + 0.65 * similarity + (sameCategory ? 0.15 : 0) - (placesDiffer ? 0.2 : 0);
  else if (samePlace) score = 0.2 + 0.6 * similarity + (sameCategory ? 0.2 : 0);
  else score = (0.9 * similarity + (sameCategory ? 0.1 : 0)) * (placesDiffer ? 0.5 : 1);
  return { candidate, similarity, score: round(Math.min(1, score)), sameCaller, samePlace, sameCategory };
}

/** A match as the agent sees it: the case, the similarity, the score and the reasons. */
function scored(m: Match): ScoredCandidate {
  const reasons: DuplicateReason[] = [];
  if (m.sameCaller) reasons.push('same-caller');
  if (m.similarity >= 0.3) reasons.push('similar-content');
  if (m.samePlace) reasons.push('same-place');
  if (m.sameCategory) reasons.push('same-category');
  if (reasons.length === 0) reasons.push('similar-content');
  return {
    candidate: m.candidate,
    sameCaller: m.sameCaller,
    suggestion: {
      caseId: m.candidate.caseId,
      ...(m.candidate.caseNumber ? { caseNumber: m.candidate.caseNumber } : {}),
      similarity: round(m.similarity),
      score: m.score,
      reasons,
    },
  };
}

export function scoreCandidate(
  probe: DuplicateProbe,
  candidate: CaseFingerprint,
  policy: DuplicatePolicy,
  now: Date,
): ScoredCandidate {
  return scored(match(probe, candidate, policy, now));
}

/**
 * The open cases worth suggesting, best first, at most `limit`; only those are described. The
 * candidates come each case once (`CaseFingerprintSource.candidates`).
 */
export function rankDuplicates(
  probe: DuplicateProbe,
  candidates: readonly CaseFingerprint[],
  policy: DuplicatePolicy,
  now: Date,
  limit: number,
): ScoredCandidate[] {
  const matches: Match[] = [];
  for (const candidate of candidates) {
    if (!candidate.open) continue;
    const m = match(probe, candidate, policy, now);
    if (m.score >= policy.suggestScore) matches.push(m);
  }
  return matches
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(scored);
}

/** The caller's concluded case this probe repeats with the same facts, if any. */
export function concludedRepeat(
  probe: DuplicateProbe,
  candidates: readonly CaseFingerprint[],
  policy: DuplicatePolicy,
  now: Date,
): ScoredCandidate | undefined {
  const best = candidates
    .filter((c) => !c.open && probe.phone !== undefined && c.phone === probe.phone)
    .map((c) => match(probe, c, policy, now))
    .filter((m) => m.sameCaller && round(m.similarity) >= policy.concludedSimilarity)
    .sort((a, b) => b.similarity - a.similarity)[0];
  return best ? scored(best) : undefined;
}
