import type { ComparisonOperator, PlainValue, SqlField, SqlParams, SqlScope } from '../sql/sql-dialect';
import { FALSE } from '../sql/translate-filter';
import { elementsOf, jsonAt, textAt } from './postgres-json-path';
import { embeddedOptions } from './postgres-regex';

const SQL_OP: Record<ComparisonOperator, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

const typeName = (value: string | number | boolean): string =>
  typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';

/**
 * One field of a JSONB document: `json` is its JSONB value (SQL NULL when missing), `text` the
 * text of a scalar there. Scalar equality is containment (`@>`), which also finds the value among
 * an array's elements (a GIN index on the path answers it); comparisons keep to the value's type,
 * as MongoDB does, and look into arrays too. `_id` is `scalar` (never an array): plain `=`, which
 * its unique B-tree index answers.
 */
export class PostgresField implements SqlField {
  constructor(
    private readonly json: string,
    private readonly text: string,
    private readonly depth: number,
    private readonly scalar = false,
  ) {}

  private get alias(): string {
    return `e${this.depth}`;
  }

  /** Some element of an array here satisfies `where` (over `alias.v`, a JSONB value). */
  private anyElement(where: (element: string) => string): string {
    if (this.scalar) return FALSE;
    return `EXISTS (SELECT 1 FROM ${elementsOf(this.json)} AS ${this.alias}(v) WHERE ${where(`${this.alias}.v`)})`;
  }

  equals(value: PlainValue, params: SqlParams): string {
    if (value === null) return `(${this.json} IS NULL OR ${this.json} @> 'null'::jsonb)`;
    const p = `CAST(${params.add(JSON.stringify(value))} AS jsonb)`;
    if (this.scalar) return `${this.json} = ${p}`;
    if (typeof value !== 'object') return `${this.json} @> ${p}`;
    // Containment would find `{a: 1}` in `{a: 1, b: 2}`: objects and arrays are compared whole.
    return `(${this.json} = ${p} OR ${this.anyElement((e) => `${e} = ${p}`)})`;
  }

  equalsAny(values: readonly PlainValue[], params: SqlParams): string {
    if (values.length === 0) return FALSE;
    // One `IN` on a scalar path: a B-tree reads it as one index condition, in index order per value.
    if (this.scalar && values.length > 1 && values.every((v) => v !== null))
      return `${this.json} IN (${values.map((v) => `CAST(${params.add(JSON.stringify(v))} AS jsonb)`).join(', ')})`;
    const parts = values.map((v) => this.equals(v, params));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  compare(op: ComparisonOperator, value: string | number | boolean | null, params: SqlParams): string {
    if (value === null) return op === '$gte' || op === '$lte' ? this.equals(null, params) : FALSE;
    const p = `CAST(${params.add(JSON.stringify(value))} AS jsonb)`;
    const typed = (json: string) =>
      `(jsonb_typeof(${json}) = '${typeName(value)}' AND ${json} ${SQL_OP[op]} ${p})`;
    const element = this.anyElement(typed);
    return element === FALSE ? typed(this.json) : `(${typed(this.json)} OR ${element})`;
  }

  exists(): string {
    return `${this.json} IS NOT NULL`;
  }

  size(n: number, params: SqlParams): string {
    return `coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(${this.json}) = 'array' THEN ${this.json} END) = ${params.add(n)}, ${FALSE})`;
  }

  regex(pattern: string, options: string, params: SqlParams): string {
    const p = params.add(`${embeddedOptions(options)}${pattern}`);
    const scalar = `(jsonb_typeof(${this.json}) = 'string' AND ${this.text} ~ ${p})`;
    const element = this.anyElement((e) => `(jsonb_typeof(${e}) = 'string' AND (${e} #>> '{}') ~ ${p})`);
    return element === FALSE ? scalar : `(${scalar} OR ${element})`;
  }

  elemMatch(predicate: (element: SqlScope) => string): string {
    if (this.scalar) return FALSE;
    const element = new PostgresDocumentScope(`${this.alias}.v`, this.depth + 1);
    return `EXISTS (SELECT 1 FROM ${elementsOf(this.json)} AS ${this.alias}(v) WHERE ${predicate(element)})`;
  }
}

/**
 * The fields of a JSONB document expression: a table's rows, a pipeline's rows, or an array
 * element inside `$elemMatch` (path `''` being the element itself). `scalars` names the paths that
 * no document holds an array or object at (the catalogue's probe): compared with plain `=`, `IN`
 * and ranges, which the declared B-trees answer, in index order.
 */
export class PostgresDocumentScope implements SqlScope {
  constructor(
    private readonly doc: string,
    private readonly depth = 1,
    private readonly scalars: ReadonlySet<string> = new Set(),
  ) {}

  field(path: string): SqlField {
    const scalar = path === '_id' || this.scalars.has(path);
    return new PostgresField(jsonAt(this.doc, path), textAt(this.doc, path), this.depth, scalar);
  }

  sortKey(path: string): string {
    return jsonAt(this.doc, path);
  }
}
