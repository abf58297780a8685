import { z } from 'zod';
import { CaseType, CategoryCode, EmergencyService, NotAcceptedReason, UnitId } from '@hotline/contracts';

/** One labelled request of the corpus: a line of a `.jsonl` file. */
export const CorpusItem = z.object({
  id: z.string().min(1).max(60),
  text: z.string().min(1).max(2000),
  type: CaseType,
  /** Absent when the taxonomy has no leaf for it (an agent classifies). */
  categoryCode: CategoryCode.optional(),
  /** The unit that completed such a case; absent for emergencies and not-accepted matters. */
  unitId: UnitId.optional(),
  emergency: EmergencyService.optional(),
  notAccepted: NotAcceptedReason.optional(),
  /** How it was made: `template` (generated, see generate-corpus.ts) or `hand` (written one by one). */
  source: z.enum(['template', 'hand']),
  /** Items of one group (variants of one situation) fall on the same side of the split. */
  group: z.string().min(1).max(80),
});
export type CorpusItem = z.infer<typeof CorpusItem>;

export type CorpusSplit = 'training' | 'held-out';

/** FNV-1a: a stable hash, so the split never changes between runs or machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The split, made once by this function and never tuned: a quarter of the groups are held out.
 * Nothing (rules, thresholds, hyper-parameters) is chosen by looking at the held-out part.
 */
export const splitOf = (item: Pick<CorpusItem, 'group'>): CorpusSplit =>
  fnv1a(item.group) % 4 === 0 ? 'held-out' : 'training';
