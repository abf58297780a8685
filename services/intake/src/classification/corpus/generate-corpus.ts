import type { CaseType } from '@hotline/contracts';
import type { CorpusItem } from './corpus-item';
import { CLOSERS, DURATIONS, FRAMINGS, NOBODY, OPENERS, PLACES, TYPOS, type CorpusPlace } from './framings';
import { LEAF_MATTERS, type LeafMatters } from './leaf-matters';
import { completedBy } from './completed-by';
import {
  EMERGENCIES,
  NAMED_ELSEWHERE,
  NEAR_MISSES,
  NOT_ACCEPTED,
  type SpecialMatter,
} from './special-matters';

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** The ways people write: an opener, a closer, a typo, no punctuation (SMS), a second matter. */
function roughen(random: Random, text: string, other: string): string {
  const bare = (s: string) => s.replace(/[。！？]$/u, '');
  const typedByAgent = /^(来电人|市民来电)/u.test(text);
  let out = text;
  if (!typedByAgent && random() < 0.3) out = pick(random, OPENERS) + out;
  if (random() < 0.25) out = bare(out) + pick(random, CLOSERS);
  if (random() < 0.12) out = `${bare(out)}。另外还有个事，${other}，也顺便说一下`;
  for (const [right, wrong] of TYPOS)
    if (out.includes(right) && random() < 0.35) out = out.replace(right, wrong);
  if (random() < 0.1)
    out = out
      .replace(/[，。！？、：]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
  return out;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/gu, (_, key: string) => slots[key] ?? '');
}

interface Draft {
  group: string;
  text: string;
  type: CaseType;
  categoryCode?: string;
  place: CorpusPlace;
  special?: SpecialMatter;
}

function leafDrafts(random: Random, leaf: LeafMatters): Draft[] {
  const drafts: Draft[] = [];
  const types: CaseType[] = ['complaint', 'complaint', 'consult', 'consult'];
  if (leaf.reportable) types.push('report', 'report');
  if (leaf.helpable) types.push('help');
  leaf.matters.forEach((matter, m) => {
    for (const type of types) {
      const place = pick(random, PLACES);
      const text = fill(pick(random, FRAMINGS[type]), {
        place: place.name,
        matter,
        duration: pick(random, DURATIONS),
        nobody: pick(random, NOBODY),
      });
      drafts.push({ group: `${leaf.code}:m${m}`, text, type, categoryCode: leaf.code, place });
    }
  });
  const framed = (kind: 'w' | 't', phrases: readonly string[], type: CaseType, slot: string) =>
    phrases.forEach((phrase, i) => {
      for (let variant = 0; variant < 2; variant++) {
        const place = pick(random, PLACES);
        const text = fill(pick(random, FRAMINGS[type]), { place: place.name, [slot]: phrase });
        drafts.push({ group: `${leaf.code}:${kind}${i}`, text, type, categoryCode: leaf.code, place });
      }
    });
  framed('w', leaf.wishes, 'suggestion', 'wish');
  framed('t', leaf.thanks, 'praise', 'thanks');
  return drafts;
}

function specialDrafts(random: Random, specials: readonly SpecialMatter[], prefix: string): Draft[] {
  return specials.flatMap((special, i) =>
    [0, 1].map(() => {
      const place = pick(
        random,
        PLACES.filter((p) => p.name !== ''),
      );
      return {
        group: `${prefix}:${i}`,
        text: fill(special.text, { place: place.name }),
        type: special.type,
        ...(special.categoryCode ? { categoryCode: special.categoryCode } : {}),
        place,
        special,
      };
    }),
  );
}

/**
 * The generated part of the corpus: each leaf's matters framed as complaints, consultations and
 * (where it fits) reports and requests for help; its wishes as suggestions and its thanks as
 * praise; then emergencies, near misses and not-accepted matters, two variants each. Deterministic.
 */
export function generateCorpus(seed = 12345): CorpusItem[] {
  const random = seeded(seed);
  const drafts = [
    ...LEAF_MATTERS.flatMap((leaf) => leafDrafts(random, leaf)),
    ...specialDrafts(random, EMERGENCIES, 'emergency'),
    ...specialDrafts(random, NEAR_MISSES, 'near-miss'),
    ...specialDrafts(random, NOT_ACCEPTED, 'not-accepted'),
    ...specialDrafts(random, NAMED_ELSEWHERE, 'named-elsewhere'),
  ];
  const allMatters = LEAF_MATTERS.flatMap((leaf) => leaf.matters);
  const seen = new Set<string>();
  const items: CorpusItem[] = [];
  for (const draft of drafts) {
    const text = roughen(random, draft.text, pick(random, allMatters));
    if (seen.has(text)) continue;
    seen.add(text);
    const unit =
      draft.categoryCode && !draft.special?.emergency && !draft.special?.notAccepted
        ? completedBy(draft.categoryCode, draft.place.districtId)
        : undefined;
    items.push({
      id: `g${String(items.length + 1).padStart(4, '0')}`,
      text,
      type: draft.type,
      ...(draft.categoryCode ? { categoryCode: draft.categoryCode } : {}),
      ...(unit ? { unitId: unit } : {}),
      ...(draft.special?.emergency ? { emergency: draft.special.emergency } : {}),
      ...(draft.special?.notAccepted ? { notAccepted: draft.special.notAccepted } : {}),
      source: 'template',
      group: draft.group,
    });
  }
  return items;
}
