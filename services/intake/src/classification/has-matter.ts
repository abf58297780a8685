import { normalizeText } from '../text/normalize-text';

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/gu;

/** Fewer than two letters, digits or Han characters (empty, emoji, punctuation) say nothing to classify. */
export const hasMatter = (text: string): boolean => (normalizeText(text).match(WORD_CHAR)?.length ?? 0) >= 2;
