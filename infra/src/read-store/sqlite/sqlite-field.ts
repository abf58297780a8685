import type { ComparisonOperator, PlainValue, SqlField, SqlParams, SqlScope } from '../sql/sql-dialect';
import { FALSE, TRUE } from '../sql/translate-filter';
import { isPlainObject } from '../validation/plain-value';
import { jsonPath } from './sqlite-json-path';

const SQL_OP: Record<ComparisonOperator, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** A string that could equal the JSON text of an array or object as json_extract returns it. */
const looksLikeJson = (s: string): boolean => s.startsWith('[') || s.startsWith('{');

/**
 * One field of an SQLite JSON document (`doc` holds JSON text). `value` is what json_extract gives
 * (booleans as 1/0, arrays and objects as JSON text), `type` what json_type gives.
 */
export class SqliteField implements SqlField {
  private readonly value: string;
  private readonly type: string;

  constructor(
    private readonly doc: string,
    private readonly path: string,
    private readonly depth: number,
  ) {
    const p = jsonPath(path);
    this.value = `json_extract(${doc}, ${p})`;
    this.type = `json_type(${doc}, ${p})`;
  }

  /** A predicate over the scalar at the path (not looking into arrays); `p` holds the value. */
  private scalarEquals(value: string | number | boolean, p: string): string {
    if (typeof value === 'boolean') return `(${this.value} = ${value ? 1 : 0} AND ${this.type} = '${value}')`;
    const eq = `${this.value} = ${p}`;
    if (typeof value === 'string') return looksLikeJson(value) ? `(${eq} AND ${this.type} = 'text')` : eq;
    return value === 0 || value === 1 ? `(${eq} AND ${this.type} IN ('integer', 'real'))` : eq;
  }

  /** Some element of an array at the path satisfies `where` (over alias `e`'s type/atom/value). */
  private anyElement(where: (alias: string) => string): string {
    const alias = `e${this.depth}`;
    return `(${this.type} = 'array' AND EXISTS (SELECT 1 FROM json_each(${this.doc}, ${jsonPath(this.path)}) AS ${alias} WHERE ${where(alias)}))`;
  }

  equals(value: PlainValue, params: SqlParams): string {
    if (value === null) {
      const elements = this.anyElement((e) => `${e}.type = 'null'`);
      return `(${this.value} IS NULL OR ${elements})`;
    }
    if (Array.isArray(value) || isPlainObject(value)) {
      const json = params.add(JSON.stringify(value));
      const kind = Array.isArray(value) ? 'array' : 'object';
      const whole = `(${this.type} = '${kind}' AND ${this.doc} -> ${jsonPath(this.path)} = ${json})`;
      return `(${whole} OR ${this.anyElement((e) => `${e}.type = '${kind}' AND ${e}.value = ${json}`)})`;
    }
    const p = typeof value === 'boolean' ? '' : params.add(value);
    const scalar = this.scalarEquals(value, p);
    const element = this.anyElement((e) =>
      typeof value === 'boolean'
        ? `${e}.type = '${value}'`
        : `${e}.atom = ${p} AND ${e}.type NOT IN ('true', 'false')`,
    );
    return `(${scalar} OR ${element})`;
  }

  equalsAny(values: readonly PlainValue[], params: SqlParams): string {
    if (values.length === 0) return FALSE;
    const plain = values.filter(
      (v): v is string | number =>
        (typeof v === 'string' && !looksLikeJson(v)) || (typeof v === 'number' && v !== 0 && v !== 1),
    );
    const rest = values.filter((v) => !plain.includes(v as string | number));
    const parts: string[] = [];
    if (plain.length === 1) parts.push(this.equals(plain[0] as string | number, params));
    else if (plain.length > 1) {
      const list = plain.map((v) => params.add(v)).join(', ');
      parts.push(`${this.value} IN (${list})`);
      parts.push(this.anyElement((e) => `${e}.atom IN (${list}) AND ${e}.type NOT IN ('true', 'false')`));
    }
    for (const value of rest) parts.push(this.equals(value, params));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string {
    if (value === null) return op === '$gte' || op === '$lte' ? this.equals(null, params) : FALSE;
    const sql = SQL_OP[op];
    const p = params.add(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    let scalar: string;
    let elementType: string;
    if (typeof value === 'string') {
      // Numbers sort before text: a lower bound of '' keeps them out of an upper-bounded range.
      scalar =
        op === '$lt' || op === '$lte'
          ? `(${this.value} ${sql} ${p} AND ${this.value} >= ''${looksLikeJson(value) || value > '[' ? ` AND ${this.type} = 'text'` : ''})`
          : `(${this.value} ${sql} ${p} AND ${this.type} = 'text')`;
      elementType = `= 'text'`;
    } else if (typeof value === 'number') {
      const mayHitBoolean =
        op === '$gt' ? value < 1 : op === '$gte' ? value <= 1 : op === '$lt' ? value > 0 : value >= 0;
      const upper = op === '$gt' || op === '$gte' ? ` AND ${this.value} < ''` : '';
      scalar = `(${this.value} ${sql} ${p}${upper}${mayHitBoolean ? ` AND ${this.type} IN ('integer', 'real')` : ''})`;
      elementType = `IN ('integer', 'real')`;
    } else {
      scalar = `(${this.value} ${sql} ${p} AND ${this.type} IN ('true', 'false'))`;
      elementType = `IN ('true', 'false')`;
    }
    const element = this.anyElement((e) =>
      typeof value === 'boolean'
        ? `${e}.type ${elementType} AND (${e}.type = 'true') ${sql} ${p}`
        : `${e}.type ${elementType} AND ${e}.atom ${sql} ${p}`,
    );
    return `(${scalar} OR ${element})`;
  }

  exists(): string {
    return `${this.type} IS NOT NULL`;
  }

  size(n: number, params: SqlParams): string {
    return `(${this.type} = 'array' AND json_array_length(${this.doc}, ${jsonPath(this.path)}) = ${params.add(n)})`;
  }

  regex(pattern: string, options: string, params: SqlParams): string {
    const p = params.add(pattern);
    const o = params.add(options);
    const scalar = `(${this.type} = 'text' AND hotline_regexp(${p}, ${o}, ${this.value}))`;
    const element = this.anyElement((e) => `${e}.type = 'text' AND hotline_regexp(${p}, ${o}, ${e}.atom)`);
    return `(${scalar} OR ${element})`;
  }

  elemMatch(predicate: (element: SqlScope) => string): string {
    const alias = `e${this.depth}`;
    const element = new SqliteElementScope(alias, this.depth + 1);
    return `(${this.type} = 'array' AND EXISTS (SELECT 1 FROM json_each(${this.doc}, ${jsonPath(this.path)}) AS ${alias} WHERE ${predicate(element)}))`;
  }
}

/** The fields of a JSON document expression (pipeline rows, object elements). */
export class SqliteDocumentScope implements SqlScope {
  constructor(
    private readonly doc: string,
    private readonly depth = 1,
  ) {}

  field(path: string): SqlField {
    return new SqliteField(this.doc, path, this.depth);
  }

  sortKey(path: string): string {
    return `json_extract(${this.doc}, ${jsonPath(path)})`;
  }
}

/** The scalar element of an array inside `$elemMatch` (path `''`), or fields of an object element. */
class SqliteElementScope implements SqlScope {
  constructor(
    private readonly alias: string,
    private readonly depth: number,
  ) {}

  field(path: string): SqlField {
    if (path !== '') {
      const doc = `(CASE WHEN ${this.alias}.type = 'object' THEN ${this.alias}.value END)`;
      return new SqliteDocumentScope(doc, this.depth).field(path);
    }
    return new SqliteElementField(this.alias);
  }

  sortKey(): string {
    return `${this.alias}.atom`;
  }
}

/** An array element compared as a scalar (`{ $elemMatch: { $gt: 1 } }`). */
class SqliteElementField implements SqlField {
  constructor(private readonly alias: string) {}

  private typeOf(value: string | number | boolean): string {
    if (typeof value === 'string') return `${this.alias}.type = 'text'`;
    if (typeof value === 'number') return `${this.alias}.type IN ('integer', 'real')`;
    return `${this.alias}.type IN ('true', 'false')`;
  }

  equals(value: PlainValue, params: SqlParams): string {
    if (value === null) return `${this.alias}.type = 'null'`;
    if (typeof value === 'boolean') return `${this.alias}.type = '${value}'`;
    if (typeof value === 'object') return `${this.alias}.value = ${params.add(JSON.stringify(value))}`;
    return `(${this.typeOf(value)} AND ${this.alias}.atom = ${params.add(value)})`;
  }

  equalsAny(values: readonly PlainValue[], params: SqlParams): string {
    return values.length === 0 ? FALSE : `(${values.map((v) => this.equals(v, params)).join(' OR ')})`;
  }

  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string {
    if (value === null) return op === '$gte' || op === '$lte' ? this.equals(null, params) : FALSE;
    const atom = typeof value === 'boolean' ? `(${this.alias}.type = 'true')` : `${this.alias}.atom`;
    const p = params.add(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    return `(${this.typeOf(value)} AND ${atom} ${SQL_OP[op]} ${p})`;
  }

  exists(): string {
    return '1 = 1';
  }

  size(n: number, params: SqlParams): string {
    return `(${this.alias}.type = 'array' AND json_array_length(${this.alias}.value) = ${params.add(n)})`;
  }

  regex(pattern: string, options: string, params: SqlParams): string {
    return `(${this.alias}.type = 'text' AND hotline_regexp(${params.add(pattern)}, ${params.add(options)}, ${this.alias}.atom))`;
  }

  elemMatch(): string {
    return FALSE;
  }
}

/** `_id`, kept in the table's `id` column (its primary key) as well as in the document. */
export class SqliteIdField implements SqlField {
  constructor(private readonly column: string) {}

  private typed(value: string | number): string {
    return typeof value === 'string'
      ? `typeof(${this.column}) = 'text'`
      : `typeof(${this.column}) IN ('integer', 'real')`;
  }

  equals(value: PlainValue, params: SqlParams): string {
    return typeof value === 'string' || typeof value === 'number'
      ? `${this.column} = ${params.add(value)}`
      : FALSE;
  }

  equalsAny(values: readonly PlainValue[], params: SqlParams): string {
    const ids = values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    return ids.length === 0 ? FALSE : `${this.column} IN (${ids.map((v) => params.add(v)).join(', ')})`;
  }

  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string {
    if (typeof value !== 'string' && typeof value !== 'number') return FALSE;
    return `(${this.column} ${SQL_OP[op]} ${params.add(value)} AND ${this.typed(value)})`;
  }

  exists(): string {
    return TRUE;
  }

  size(): string {
    return FALSE;
  }

  regex(pattern: string, options: string, params: SqlParams): string {
    return `(typeof(${this.column}) = 'text' AND hotline_regexp(${params.add(pattern)}, ${params.add(options)}, ${this.column}))`;
  }

  elemMatch(): string {
    return FALSE;
  }
}
