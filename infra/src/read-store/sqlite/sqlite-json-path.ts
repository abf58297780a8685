import { ValidationError } from '@hotline/contracts';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/** A dotted field path as an SQLite JSON path (`a.0.b` → `$.a[0].b`), as an SQL string literal. */
export function jsonPath(path: string): string {
  if (path === '') return `'$'`;
  let out = '$';
  for (const segment of path.split('.')) {
    if (INDEX.test(segment)) out += `[${segment}]`;
    else if (PLAIN.test(segment)) out += `.${segment}`;
    else if (segment.includes('"') || segment.includes('\\'))
      throw new ValidationError(path, 'field names with " or \\ are not supported by the SQLite read store');
    else out += `."${segment}"`;
  }
  return `'${out.replaceAll("'", "''")}'`;
}

/** An identifier in double quotes. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
