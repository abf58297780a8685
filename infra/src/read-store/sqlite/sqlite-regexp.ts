import type { DatabaseSync } from 'node:sqlite';

const cache = new Map<string, RegExp>();

function compile(pattern: string, options: string): RegExp {
  const key = `${options}/${pattern}`;
  let regexp = cache.get(key);
  if (!regexp) {
    // `x` (extended): whitespace in the pattern is not part of it.
    const source = options.includes('x') ? pattern.replace(/\s+/g, '') : pattern;
    regexp = new RegExp(source, options.replace('x', ''));
    if (cache.size > 200) cache.clear();
    cache.set(key, regexp);
  }
  return regexp;
}

/** `hotline_regexp(pattern, options, value)`: MongoDB's `$regex` with `$options`, in JavaScript. */
export function registerRegexp(db: DatabaseSync): void {
  db.function(
    'hotline_regexp',
    { deterministic: true, varargs: false },
    (pattern: unknown, options: unknown, value: unknown) =>
      typeof value === 'string' &&
      compile(String(pattern), typeof options === 'string' ? options : '').test(value)
        ? 1
        : 0,
  );
}
