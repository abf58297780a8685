/**
 * MongoDB `$options` as the embedded options of a PostgreSQL advanced regular expression. MongoDB's
 * default (`.` stops at a newline, `^`/`$` only at the ends) is ARE's `p`; `m` alone is `n`, `s`
 * alone is ARE's default `s`, both together `w`; `i` and `x` are the same letters.
 */
export function embeddedOptions(options: string): string {
  const m = options.includes('m');
  const s = options.includes('s');
  const newline = m && s ? 'w' : m ? 'n' : s ? 's' : 'p';
  return `(?${newline}${options.includes('i') ? 'i' : ''}${options.includes('x') ? 'x' : ''})`;
}
