import { z } from 'zod';

/** The thresholds of duplicate detection, per city (INTAKE_DUPLICATE_* settings). */
export const DuplicatePolicy = z.object({
  /** Least score for a case to be suggested to the agent. */
  suggestScore: z.number().min(0).max(1).default(0.5),
  /** Least score to merge a web or SMS contact into the same caller's open case without an agent. */
  autoMergeScore: z.number().min(0).max(1).default(0.6),
  /** Least text similarity for "already concluded, same facts" (不予受理) against the caller's closed case. */
  concludedSimilarity: z.number().min(0).max(1).default(0.6),
  /** How far back the same caller's cases count. */
  sameCallerWindowDays: z.number().int().min(1).max(365).default(30),
  /** Candidates read per route (caller, place, content) before scoring. */
  candidatesPerRoute: z.number().int().min(1).max(1000).default(20),
});
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = DuplicatePolicy.parse({});
