import { charBigrams } from '../text/char-ngrams';
import { hash32, type MinHasher } from '../text/min-hash';

/**
 * Words every request uses ("反映", "希望", "问题"): they say nothing about the matter and would
 * make unrelated requests look alike.
 */
const COMMON_BIGRAMS = new Set([
  '反映',
  '希望',
  '问题',
  '处理',
  '相关',
  '部门',
  '请求',
  '我们',
  '你们',
  '他们',
  '一下',
  '现在',
  '已经',
  '没有',
  '一直',
  '这个',
  '那个',
  '请问',
  '市民',
  '来电',
  '情况',
  '要求',
  '尽快',
  '解决',
  '有关',
  '谢谢',
  '什么',
  '怎么',
  '可以',
  '不是',
  '就是',
  '还是',
  '但是',
  '因为',
  '所以',
  '非常',
  '严重',
  '影响',
]);

/**
 * The bigram set a text is compared by, as sorted distinct 32-bit hashes: a million open cases keep
 * theirs in memory (about 4 bytes a bigram instead of a string in a Set), and two sets compare by
 * one merge. A hash collision between two bigrams of texts this short is too rare to matter.
 */
export type Shingles = Uint32Array;

export function contentShingles(content: string): Shingles {
  const hashes = charBigrams(content)
    .filter((gram) => !COMMON_BIGRAMS.has(gram))
    .map((gram) => hash32(gram));
  const sorted = Uint32Array.from(hashes).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i] as number;
  }
  return sorted.slice(0, size);
}

/** How many items two sorted sets share. */
function sharedCount(a: Shingles, b: Shingles): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * How alike two texts are, 0 to 1: the mean of Jaccard (|A ∩ B| / |A ∪ B|) and containment
 * (|A ∩ B| / min(|A|, |B|)) of their bigram sets, so a short text inside a long one still counts.
 */
export function textSimilarity(a: Shingles, b: Shingles): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  const jaccard = shared / (a.length + b.length - shared);
  const containment = shared / Math.min(a.length, b.length);
  return (jaccard + containment) / 2;
}

/** The LSH keys a text is indexed under (see MinHasher). */
export const contentBandKeys = (shingles: Shingles, hasher: MinHasher): number[] => hasher.bandKeys(shingles);
