/** A dotted field path as a PostgreSQL `text[]` literal for `#>` / `#>>` / `#-` (`a.b` → `'{"a","b"}'`). */
export function pathLiteral(path: string): string {
  const segments = path === '' ? [] : path.split('.');
  const inner = segments.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',');
  return `'{${inner.replaceAll("'", "''")}}'::text[]`;
}

/** The JSONB value at `path` of the document expression `doc` (SQL NULL when missing). */
export const jsonAt = (doc: string, path: string): string => `(${doc} #> ${pathLiteral(path)})`;

/** The text of the scalar at `path` of `doc`. */
export const textAt = (doc: string, path: string): string => `(${doc} #>> ${pathLiteral(path)})`;

/** A string as an SQL string literal. */
export const stringLiteral = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** An identifier in double quotes. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The elements of `json` when it is an array, none otherwise (jsonb_array_elements refuses non-arrays). */
export const elementsOf = (json: string): string =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE '[]'::jsonb END)`;
