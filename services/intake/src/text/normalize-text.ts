/**
 * One form for matching Chinese and mixed text: NFKC folds full-width letters, digits and
 * punctuation to their ASCII forms (ＡＢＣ１２３ → ABC123, ，→ ,), letters are lower-cased and runs
 * of whitespace become one space.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export const isHan = (char: string): boolean => HAN.test(char);

/**
 * The text as runs of Han characters and words of letters or digits; punctuation and spaces
 * separate runs. `"12345热线,WiFi坏了"` → `[{han:false,'12345'}, {han:true,'热线'}, {han:false,'wifi'}, {han:true,'坏了'}]`.
 */
export function textRuns(normalized: string): Array<{ han: boolean; text: string }> {
  const runs: Array<{ han: boolean; text: string }> = [];
  // Each run is sliced once from where it starts, not grown a character at a time.
  let start = -1;
  let han = false;
  let at = 0;
  for (const char of normalized) {
    const here = at;
    at += char.length;
    if (!WORD_CHAR.test(char)) {
      if (start !== -1) runs.push({ han, text: normalized.slice(start, here) });
      start = -1;
      continue;
    }
    const isHanChar = isHan(char);
    if (start !== -1 && isHanChar === han) continue;
    if (start !== -1) runs.push({ han, text: normalized.slice(start, here) });
    start = here;
    han = isHanChar;
  }
  if (start !== -1) runs.push({ han, text: normalized.slice(start) });
  return runs;
}
