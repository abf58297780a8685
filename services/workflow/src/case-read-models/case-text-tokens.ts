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
  for (const [, han, word] of text.normalize('NFKC').toLowerCase().matchAll(RUNS)) {
    if (han !== undefined) {
      const chars = [...han];
      if (purpose === 'document' || chars.length === 1) for (const c of chars) tokens.add(c);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(`${chars[i]}${chars[i + 1]}`);
    } else if (word !== undefined) {
      tokens.add(word);
    }
  }
  return [...tokens];
}
