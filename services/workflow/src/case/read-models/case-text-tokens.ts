/**
 * One string per distinct token: a million cases in the memory read store share a vocabulary of a
 * few ten thousand characters and bigrams instead of holding ~100 strings each. Bounded, so odd
 * input (digits, foreign words) cannot grow it without end.
 */
const VOCABULARY = new Map<string, string>();
const VOCABULARY_LIMIT = 500_000;
const intern = (token: string): string => {
  const known = VOCABULARY.get(token);
  if (known !== undefined) return known;
  if (VOCABULARY.size < VOCABULARY_LIMIT) VOCABULARY.set(token, token);
  return token;
};

const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/**
 * Full-text tokens for content and addresses, Chinese included, without a word segmenter: every
 * Han character and every pair of adjacent Han characters (bigrams), and each run of other letters
 * or digits as a lower-case word. A document stores them in an indexed array; a query matches when
 * the document has all of the query's tokens (`$all`). A query's Han text of two or more
 * characters uses only its bigrams; a single character uses itself.
 */
export function textTokens(text: string, purpose: 'document' | 'query' = 'document'): string[] {
  const tokens = new Set<string>();
  const add = (token: string) => tokens.add(intern(token));
  for (const [, han, word] of text.normalize('NFKC').toLowerCase().matchAll(RUNS)) {
    if (han !== undefined) {
      const chars = [...han];
      if (purpose === 'document' || chars.length === 1) for (const c of chars) add(c);
      for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i]}${chars[i + 1]}`);
    } else if (word !== undefined) {
      add(word);
    }
  }
  return [...tokens];
}
