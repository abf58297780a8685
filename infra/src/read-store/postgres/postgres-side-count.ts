import type { Filter } from '../read-store.port';
import type { NumberedParams } from '../sql/sql-params';
import { isPlainObject } from '../validation/plain-value';
import type { SideTable } from './postgres-side-tables';

type Scalar = string | number | boolean;

/** A set of document ids: `sql` selects a column `id`; `unique` when no id comes twice. */
interface IdSet {
  sql: string;
  unique: boolean;
}

/** Conjuncts of a filter as id sets: `with` all hold, `without` none does. */
interface Conjunction {
  with: IdSet[];
  without: IdSet[];
}

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  typeof value === 'boolean';

const typeName = (value: Scalar): string =>
  typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * The statement counting the documents that match `filter` from the side tables alone (index-only
 * scans of `(v, id)` and `(id, v)`), or undefined when some part of the filter is not one the side
 * tables answer exactly: then the count reads the documents, as before.
 *
 * Answered: conjunctions (`$and`, several keys), `$or`, `$nor` beside a condition that holds, and
 * per declared path a scalar value, `$eq`, `$in` and `$all` of scalars, and `$gt`/`$gte`/`$lt`/`$lte`
 * of a scalar (within its type, as MongoDB compares). Each is "some value at the path (an element of
 * an array there) satisfies it", which is what a side table's rows are; two range operators on one
 * path are two conditions, each met by some element, as MongoDB has them. Not answered: `null`,
 * objects and arrays as values, `$ne`, `$nin`, `$exists`, `$regex`, `$size`, `$not`, `$elemMatch`,
 * `_id` and undeclared paths.
 */
export function sideCountStatement(
  filter: Filter,
  sides: ReadonlyMap<string, SideTable>,
  params: NumberedParams,
): string | undefined {
  if (sides.size === 0) return undefined;
  const conjunction = conjunctionOf(filter, sides, params);
  const set = conjunction && idSet(conjunction);
  if (!set) return undefined;
  return set.unique
    ? `SELECT count(*) AS n FROM (${set.sql}) AS m`
    : `SELECT count(*) AS n FROM (SELECT DISTINCT id FROM (${set.sql}) AS d) AS m`;
}

/**
 * The ids of a conjunction. The conditions that yield each id once (equalities) are inner joins on
 * `id`, one row per document, which the planner orders by its statistics (the rarest value drives,
 * the others are probed through `(id, v)`); the others are semi-joins, the negated ones anti-joins.
 */
function idSet({ with: positive, without }: Conjunction): IdSet | undefined {
  const unique = positive.filter((set) => set.unique);
  const [first, ...rest] = unique.length > 0 ? unique : positive;
  if (!first) return undefined;
  const others = unique.length > 0 ? positive.filter((set) => !set.unique) : rest;
  const joined = unique.length > 0 ? rest : [];
  const from = [
    `(${first.sql}) AS f`,
    ...joined.map((set, i) => `JOIN (${set.sql}) AS i${i} ON i${i}.id = f.id`),
  ];
  const conditions = [
    ...others.map((set) => `EXISTS (SELECT 1 FROM (${set.sql}) AS j WHERE j.id = f.id)`),
    ...without.map((set) => `NOT EXISTS (SELECT 1 FROM (${set.sql}) AS j WHERE j.id = f.id)`),
  ];
  if (from.length === 1 && conditions.length === 0) return first;
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `SELECT f.id FROM ${from.join(' ')}${where}`, unique: first.unique };
}

function conjunctionOf(
  filter: Filter,
  sides: ReadonlyMap<string, SideTable>,
  params: NumberedParams,
): Conjunction | undefined {
  const result: Conjunction = { with: [], without: [] };
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      const parts = (value as Filter[]).map((f) => conjunctionOf(f, sides, params));
      if (parts.some((part) => part === undefined)) return undefined;
      const conjunctions = parts as Conjunction[];
      if (key === '$and') {
        for (const part of conjunctions) {
          result.with.push(...part.with);
          result.without.push(...part.without);
        }
        continue;
      }
      const sets = conjunctions.map(idSet);
      if (sets.length === 0 || sets.some((set) => set === undefined)) return undefined;
      const union = {
        sql: (sets as IdSet[]).map((set) => `(${set.sql})`).join(' UNION ALL '),
        unique: sets.length === 1 && (sets[0] as IdSet).unique,
      };
      (key === '$or' ? result.with : result.without).push(union);
      continue;
    }
    const side = sides.get(key);
    if (!side) return undefined;
    const conditions = fieldConditions(value, side, params);
    if (!conditions) return undefined;
    result.with.push(...conditions);
  }
  return result;
}

/** The id sets of one path's condition, one per condition a value must meet; undefined when not answered. */
function fieldConditions(value: unknown, side: SideTable, params: NumberedParams): IdSet[] | undefined {
  const rows = (where: string, unique: boolean): IdSet => ({
    sql: `SELECT id FROM ${side.table} WHERE ${where}`,
    unique,
  });
  const equal = (v: Scalar) => rows(`v = CAST(${params.add(JSON.stringify(v))} AS jsonb)`, true);
  if (isScalar(value)) return [equal(value)];
  if (!isPlainObject(value)) return undefined;
  const operators = Object.entries(value);
  if (operators.length === 0 || operators.some(([op]) => !op.startsWith('$'))) return undefined;
  const sets: IdSet[] = [];
  for (const [op, operand] of operators) {
    if (op === '$eq' && isScalar(operand)) sets.push(equal(operand));
    else if (op === '$all' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar))
      sets.push(...operand.map(equal));
    else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
      if (operand.length === 1) sets.push(equal(operand[0] as Scalar));
      else {
        const values = operand.map((v) => `CAST(${params.add(JSON.stringify(v))} AS jsonb)`);
        sets.push(rows(`v IN (${values.join(', ')})`, false));
      }
    } else if (op in RANGE && isScalar(operand))
      sets.push(
        rows(
          `jsonb_typeof(v) = '${typeName(operand)}' AND v ${RANGE[op]} CAST(${params.add(JSON.stringify(operand))} AS jsonb)`,
          false,
        ),
      );
    else return undefined;
  }
  return sets;
}
