import { normalizeText } from '../text/normalize-text';

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/gu;

/** Fewer than two letters, digits or Han characters (empty, emoji, punctuation) say nothing to classify. */
export function hasMatter(text: string): boolean {
  const normalized = normalizeText(text);
  WORD_CHAR.lastIndex = 0;
  // Two are enough: no need to collect every character of a long text.
  return WORD_CHAR.exec(normalized) !== null && WORD_CHAR.exec(normalized) !== null;
}
