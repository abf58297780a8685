/**
 * Personal data a citizen or a unit may have typed into free text: mobile and landline numbers,
 * identity card numbers, e-mail addresses, and bank card numbers. Names can't be recognised
 * reliably in Chinese text, so the citizen's own name (known from the case) is removed by value.
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // 18-digit identity card numbers (the last may be X) before phone numbers, which they contain.
  [/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g, '[身份证号]'],
  [/(?<!\d)\d{16,19}(?!\d)/g, '[卡号]'],
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, '[电话]'],
  [/(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g, '[电话]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[邮箱]'],
];

/** `text` with personal data replaced by placeholders; `names` are removed wherever they stand. */
export function redactPersonalText(text: string, names: readonly string[] = []): string {
  let redacted = text;
  for (const name of names) {
    // A one-character "name" would erase ordinary words.
    if (name.trim().length >= 2) redacted = redacted.split(name.trim()).join('[姓名]');
  }
  for (const [pattern, placeholder] of PATTERNS) redacted = redacted.replace(pattern, placeholder);
  return redacted;
}
