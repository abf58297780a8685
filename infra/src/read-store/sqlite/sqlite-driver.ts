import type { Filter } from '../read-store.port';
import type { ComparisonOperator, SqlParams } from '../sql/sql-dialect';
import { NumberedParams } from '../sql/sql-params';
import { isPlainObject } from '../validation/plain-value';
import type { TableInfo } from './sqlite-catalogue';
import type { SqliteReadStore } from './sqlite-read-store';
import { isScalar, sideLiteral, sideRange, type Scalar } from './sqlite-side-field';

/** A set of rowids, a superset of the matches, read from one side table by value alone. */
export interface Driver {
  /** `SELECT rid FROM <side> WHERE …` (distinct rowids). */
  sql(params: SqlParams): string;
  /** What the candidates must still satisfy: the filter without the driving condition when that is exact. */
  residual: Filter;
  /** When it is an equality to one scalar that alone is the whole condition on its path: which. */
  equality?: { path: string; value: Scalar };
}

interface Candidate {
  table: string;
  where(params: SqlParams): string;
  /** Several side rows of one document may match (an array, or several values). */
  distinct: boolean;
  /** The rows it gives are exactly the documents that meet the whole condition it came from. */
  exact?: boolean;
  /** The scalar an equality candidate matches. */
  value?: Scalar;
}

const RANGE: readonly ComparisonOperator[] = ['$gt', '$gte', '$lt', '$lte'];
/** Counting a candidate's rows stops here: enough to tell a selective condition from a broad one. */
const ESTIMATE_CAPS = [2_000, 50_000];
/**
 * An equality read in the sort's order (a compound side table) drives over a more selective
 * condition when it matches at most this many times as many rows: it stops once the page is full,
 * where the other sorts every match, and at worst probes this many times as many rows.
 */
const ORDERED_FACTOR = 4;

/** The top-level conditions of a filter, `$and`s flattened: each must hold for a document to match. */
function conjuncts(filter: Filter, out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const each of value as Filter[]) conjuncts(each, out);
    else out.push([key, value]);
  }
  return out;
}

function candidatesOf(condition: unknown, table: string, complex: () => boolean): Candidate[] {
  const eq = (value: Scalar, exact = false): Candidate => ({
    table,
    where: (p) => `v = ${sideLiteral(value, p)}`,
    distinct: false,
    exact,
    value,
  });
  if (isScalar(condition)) return [eq(condition, true)];
  if (!isPlainObject(condition) || !Object.keys(condition).every((k) => k.startsWith('$'))) return [];
  const found: Candidate[] = [];
  const ops = condition;
  const alone = Object.keys(ops).length === 1;
  if (isScalar(ops.$eq)) found.push(eq(ops.$eq, alone));
  const values = ops.$in;
  if (Array.isArray(values) && values.length > 0 && values.every(isScalar))
    found.push({
      table,
      where: (p) => `v IN (${values.map((v) => sideLiteral(v, p)).join(', ')})`,
      distinct: values.length > 1 && complex(),
      exact: alone,
    });
  if (Array.isArray(ops.$all)) for (const value of ops.$all) if (isScalar(value)) found.push(eq(value));
  const bounds = RANGE.filter((op) => isScalar(ops[op])).map((op) => [op, ops[op] as Scalar] as const);
  if (bounds.length > 0) {
    // On a path that never held arrays, both bounds hold for the one value: one index range.
    // Otherwise different elements may meet different bounds: each bound alone is a superset.
    const ranges =
      bounds.length > 1 && !complex()
        ? [bounds]
        : bounds.map((bound) => [bound] as Array<readonly [ComparisonOperator, Scalar]>);
    for (const range of ranges)
      found.push({
        table,
        where: (p) => rangeWhere(range, p),
        distinct: ranges.length > 1 || complex(),
        exact: ranges.length === 1 && bounds.length === Object.keys(ops).length,
      });
  }
  return found;
}

/**
 * Bounds on one value as an index range: a lower and an upper bound of the same type keep the
 * value within that type by themselves (and SQLite then uses both); otherwise each is bracketed.
 */
function rangeWhere(bounds: ReadonlyArray<readonly [ComparisonOperator, Scalar]>, params: SqlParams): string {
  const lower = bounds.find(([op]) => op === '$gt' || op === '$gte');
  const upper = bounds.find(([op]) => op === '$lt' || op === '$lte');
  if (bounds.length === 2 && lower && upper && typeof lower[1] === typeof upper[1])
    return `v ${lower[0] === '$gt' ? '>' : '>='} ${sideLiteral(lower[1], params)} AND v ${upper[0] === '$lt' ? '<' : '<='} ${sideLiteral(upper[1], params)}`;
  return bounds.map(([op, value]) => sideRange('v', op, value, params)).join(' AND ');
}

/**
 * The side-table condition that drives a query: of the filter's top-level conditions on indexed
 * paths, the one that matches the fewest rows (counted, up to a cap), or an equality on a path that
 * `ordered` names (it gives the sort's order) matching not many more. None when the filter names
 * `_id` at the top (its primary key drives) or has no such condition (the table is scanned).
 */
export function chooseDriver(
  filter: Filter,
  info: TableInfo,
  store: SqliteReadStore,
  ordered?: (path: string) => boolean,
): Driver | undefined {
  const all = conjuncts(filter);
  if (all.some(([path]) => path === '_id')) return undefined;
  const candidates = all.flatMap((conjunct) => {
    const [path, condition] = conjunct;
    const table = path.startsWith('$') ? undefined : info.sides.get(path);
    return table === undefined
      ? []
      : candidatesOf(condition, table, () => store.catalogue.complex(info, path)).map((c) => ({
          ...c,
          conjunct,
        }));
  });
  if (candidates.length === 0) return undefined;
  let best = candidates;
  for (const cap of ESTIMATE_CAPS) {
    if (best.length === 1) break;
    const counted = best.map((candidate) => ({ candidate, rows: estimate(candidate, cap, store) }));
    const fewest = Math.min(...counted.map((c) => c.rows));
    best = counted.filter((c) => c.rows === fewest).map((c) => c.candidate);
    if (fewest < cap) break;
  }
  let chosen = best[0] as Candidate & { conjunct: [string, unknown] };
  const inOrder = ordered
    ? candidates.find((c) => c.exact && c.value !== undefined && ordered(c.conjunct[0]))
    : undefined;
  if (inOrder && inOrder !== chosen) {
    const cap = ESTIMATE_CAPS[ESTIMATE_CAPS.length - 1] as number;
    if (estimate(inOrder, cap, store) <= ORDERED_FACTOR * estimate(chosen, cap, store)) chosen = inOrder;
  }
  const [path] = chosen.conjunct;
  return {
    ...(chosen.exact && chosen.value !== undefined ? { equality: { path, value: chosen.value } } : {}),
    residual: chosen.exact
      ? { $and: all.filter((c) => c !== chosen.conjunct).map(([key, value]) => ({ [key]: value })) }
      : filter,
    sql: (params) =>
      `SELECT ${chosen.distinct ? 'DISTINCT ' : ''}rid FROM ${chosen.table} WHERE ${chosen.where(params)}`,
  };
}

function estimate(candidate: Candidate, cap: number, store: SqliteReadStore): number {
  const params = new NumberedParams();
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${candidate.table} WHERE ${candidate.where(params)} LIMIT ${cap})`;
  return (store.statement(sql).get(...params.values) as { n: number }).n;
}
