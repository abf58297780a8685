import { charBigrams } from '../text/char-ngrams';
import type { MinHasher } from '../text/min-hash';
import { jaccard, overlap } from '../text/similarity';

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

/** The bigram set a text is compared by. */
export function contentShingles(content: string): Set<string> {
  return new Set(charBigrams(content).filter((gram) => !COMMON_BIGRAMS.has(gram)));
}

/** How alike two texts are, 0 to 1: the mean of Jaccard and containment of their bigram sets. */
export function textSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return (jaccard(a, b) + overlap(a, b)) / 2;
}

/** The LSH keys a text is indexed under (see MinHasher). */
export const contentBandKeys = (shingles: ReadonlySet<string>, hasher: MinHasher): string[] =>
  hasher.bandKeys(shingles);
