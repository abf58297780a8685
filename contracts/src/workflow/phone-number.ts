/**
 * Chinese phone numbers in one canonical form, so that the last-four-digits lookup, duplicate
 * checks and masking work whatever the caller typed:
 * - mobile: 11 digits `1[3-9]xxxxxxxxx`;
 * - landline: `0AA-SSSSSSSS` (Beijing, Tianjin and the 02x cities: 2-digit area code, 8-digit
 *   subscriber) or `0AAA-SSSSSSS(S)`, with an optional extension `-EEEE`.
 * Accepted input: spaces, dashes and parentheses anywhere, a `+86`/`0086`/`86` prefix, and an
 * extension after `-`, `#`, `ext`, `x` or `转`.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const EXTENSION = /^(.*?)(?:\s*(?:#|ext\.?|x|转)\s*(\d{1,6}))$/i;
const DASHED_EXTENSION = /^(\(?0\d{2,3}\)?[\s-]?\d{7,8})-(\d{1,6})$/;

export const CANONICAL_PHONE = /^(1[3-9]\d{9}|0[12]\d-[2-9]\d{7}|0[3-9]\d{2}-[2-9]\d{6,7})(-\d{1,6})?$/;

export function normalizeChinesePhone(raw: string): string | undefined {
  const text = raw.trim();
  const marked = EXTENSION.exec(text) ?? DASHED_EXTENSION.exec(text);
  const main = marked ? (marked[1] ?? '') : text;
  const extension = marked?.[2];
  let digits = main.replace(/[\s()-]/g, '');
  const international = /^(\+86|0086)/.exec(digits) ?? (/^86\d{11}$/.test(digits) ? ['86'] : null);
  if (international) {
    digits = digits.slice(international[0].length);
    // Area codes lose their trunk 0 after the country code: +86 10 … is 010 ….
    if (!MOBILE.test(digits)) digits = `0${digits}`;
  }
  if (!/^\d+$/.test(digits)) return undefined;
  if (MOBILE.test(digits)) return extension === undefined ? digits : undefined;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const landline = `${digits.slice(0, areaLength)}-${digits.slice(areaLength)}`;
  const canonical = extension === undefined ? landline : `${landline}-${extension}`;
  return CANONICAL_PHONE.test(canonical) ? canonical : undefined;
}

/** The last four digits of the subscriber number, which a citizen gives with the case number. */
export const phoneLastFour = (canonical: string): string =>
  canonical.split('-').slice(0, 2).join('').slice(-4);
