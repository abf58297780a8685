import { normalizeText, textRuns } from './normalize-text';

/**
 * Character n-grams of Chinese text without a dictionary: each Han run gives its bigrams (a single
 * character stands alone), each word of letters or digits is one token. Bigrams catch most Chinese
 * words, which are two characters long, and need no segmentation model.
 */
export function charBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const run of textRuns(normalizeText(text))) {
    if (!run.han) {
      grams.push(run.text);
      continue;
    }
    const chars = [...run.text];
    if (chars.length === 1) grams.push(run.text);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  }
  return grams;
}

/** Unigrams and bigrams of Han runs plus whole words: the search index's terms. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of textRuns(normalizeText(text))) {
    if (!run.han) {
      terms.push(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      terms.push(chars[i] as string);
      if (i + 1 < chars.length) terms.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return terms;
}

/** How often each item occurs. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
