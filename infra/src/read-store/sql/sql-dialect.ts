/**
 * What a SQL engine supplies so that the shared translators (filter, update, sort, pipeline) can
 * turn the ReadStore's MongoDB subset into its SQL. The translators own the logic (which operators
 * exist, `$and/$or/$nor/$not`, null-as-missing, refusing what is outside the subset); a dialect
 * owns how one field of a JSON document is compared, indexed, updated and built.
 *
 * Implementations: `sqliteDialect` (JSON text, `json_extract`, side tables of array elements),
 * and `postgresDialect` (JSONB, `#>`, containment for array elements).
 */

/** Values bound to a statement, collected while translating; `add` returns the placeholder. */
export interface SqlParams {
  add(value: string | number | null): string;
}

/** A filter value on its way into SQL: never undefined (validation refused it). */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

export type ComparisonOperator = '$gt' | '$gte' | '$lt' | '$lte';

/** Predicates over one field of the document being filtered (or of an array element). */
export interface SqlField {
  /** MongoDB equality: the value itself, or an element of an array there; `null` is missing or null. */
  equals(value: PlainValue, params: SqlParams): string;
  /** `$in`: equality with any of `values`. */
  equalsAny(values: readonly PlainValue[], params: SqlParams): string;
  /** Comparison within the value's type (a number never matches a string bound), elements included. */
  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string;
  /** `$exists: true`. */
  exists(): string;
  /** `$size`: an array of exactly `n` elements. */
  size(n: number, params: SqlParams): string;
  /** `$regex` on a string (or a string element). */
  regex(pattern: string, options: string, params: SqlParams): string;
  /** `$elemMatch`: an element of the array satisfies `predicate`, built on the element's scope. */
  elemMatch(predicate: (element: SqlScope) => string): string;
}

/** A document (a table row, a pipeline row, or an array element) that fields are read from. */
export interface SqlScope {
  /** The field at a dotted path; `''` is the element itself inside `$elemMatch`. */
  field(path: string): SqlField;
  /** What ORDER BY sorts on for the field at `path`. */
  sortKey(path: string): string;
}

/** The JSON expressions a pipeline is built from, over a relation whose document column is `doc`. */
export interface SqlJson {
  /** The JSON value at `path` of `doc` (SQL NULL when missing): groups and projected fields. */
  valueAt(doc: string, path: string): string;
  /** A number to sum at `path` (0 when it is not a number). */
  numberAt(doc: string, path: string): string;
  /** A JSON literal from a bound parameter holding JSON text. */
  literal(json: string, params: SqlParams): string;
  /**
   * A JSON object of `entries` (JSON expressions). An entry whose value is SQL NULL is left out
   * (a missing field stays missing) unless `keepNull`, which gives JSON null.
   */
  object(entries: ReadonlyArray<{ key: string; value: string; keepNull?: boolean }>): string;
  /** `doc` without the fields at `paths`. */
  without(doc: string, paths: readonly string[], params: SqlParams): string;
  /** A relation of `doc`'s elements at `path` as `(elem, idx)`, with the unwound document as `doc`. */
  unwind(doc: string, path: string, preserveEmpty: boolean): { from: string; doc: string; order: string };
  /** The document as JSON text for the client (a stored binary form converted back). */
  output(doc: string): string;
  /** `LIMIT`/`OFFSET` clause (either may be left out). */
  limit(limit: number | undefined, offset: number | undefined): string;
}

/** One step of an update, in the order the dialect applies them to the document. */
export type UpdateStep =
  | { op: 'set'; path: string; json: string }
  | { op: 'unset'; path: string }
  | { op: 'inc'; path: string; by: number }
  | { op: 'push'; path: string; jsonValues: string[] };

export interface SqlUpdates {
  /** The document expression after applying `steps` to `doc` (paths never overlap). */
  apply(doc: string, steps: readonly UpdateStep[], params: SqlParams): string;
  /** A predicate true when `doc` holds a value an `$inc` (not a number) or `$push` (not an array) refuses. */
  conflicts(doc: string, step: UpdateStep & { op: 'inc' | 'push' }): string;
}

export interface SqlDialect extends SqlJson, SqlUpdates {
  /** Quotes a table, column or index name. */
  identifier(name: string): string;
  /** The fields of the JSON document expression `doc` (a pipeline's rows: no side tables, no id column). */
  scope(doc: string): SqlScope;
}
