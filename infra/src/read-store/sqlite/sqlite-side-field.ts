import type { ComparisonOperator, PlainValue, SqlField, SqlParams, SqlScope } from '../sql/sql-dialect';
import { FALSE } from '../sql/translate-filter';

export type Scalar = string | number | boolean;

export const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  typeof value === 'boolean';

/** A scalar as the side tables hold it: booleans as the one-byte blobs x'01' and x'00'. */
export const sideLiteral = (value: Scalar, params: SqlParams): string =>
  typeof value === 'boolean' ? (value ? `x'01'` : `x'00'`) : params.add(value);

const SQL_OP: Record<ComparisonOperator, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * A comparison of the side value `v` kept within the value's type, as MongoDB compares: SQLite
 * orders numbers before text before blobs (booleans), so each bound is a contiguous index range.
 */
export function sideRange(v: string, op: ComparisonOperator, value: Scalar, params: SqlParams): string {
  const bound = `${v} ${SQL_OP[op]} ${sideLiteral(value, params)}`;
  const upward = op === '$gt' || op === '$gte';
  if (typeof value === 'number') return upward ? `${bound} AND ${v} < ''` : bound;
  if (typeof value === 'string') return upward ? `${bound} AND ${v} < x''` : `${bound} AND ${v} >= ''`;
  return upward ? bound : `${bound} AND ${v} >= x''`;
}

/**
 * An indexed field, answered from its side table (values by rowid): equality, `$in` and ranges on
 * scalars are index probes `(rid, v)`, whether the document holds a scalar or an array there.
 * What a side table does not hold (nulls, whole arrays or objects, sizes, patterns) is asked of
 * the document itself (`json`, which reads it).
 */
export class SqliteSideField implements SqlField {
  constructor(
    private readonly table: string,
    private readonly rid: string,
    private readonly json: () => SqlField,
  ) {}

  private probe(where: string): string {
    return `EXISTS (SELECT 1 FROM ${this.table} WHERE rid = ${this.rid} AND ${where})`;
  }

  equals(value: PlainValue, params: SqlParams): string {
    return isScalar(value)
      ? this.probe(`v = ${sideLiteral(value, params)}`)
      : this.json().equals(value, params);
  }

  equalsAny(values: readonly PlainValue[], params: SqlParams): string {
    if (values.length === 0) return FALSE;
    const scalars = values.filter(isScalar);
    const rest = values.filter((v) => !isScalar(v));
    const parts: string[] = [];
    if (scalars.length === 1) parts.push(this.equals(scalars[0] as Scalar, params));
    else if (scalars.length > 1)
      parts.push(this.probe(`v IN (${scalars.map((v) => sideLiteral(v, params)).join(', ')})`));
    if (rest.length > 0) parts.push(this.json().equalsAny(rest, params));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string {
    return value === null
      ? this.json().compare(op, value, params)
      : this.probe(sideRange('v', op, value, params));
  }

  exists(): string {
    return this.json().exists();
  }

  size(n: number, params: SqlParams): string {
    return this.json().size(n, params);
  }

  regex(pattern: string, options: string, params: SqlParams): string {
    return this.json().regex(pattern, options, params);
  }

  elemMatch(predicate: (element: SqlScope) => string): string {
    return this.json().elemMatch(predicate);
  }
}
