import type { Filter, PipelineStage, SortSpec } from '../read-store.port';
import { isPlainObject } from '../validation/plain-value';
import type { SqlDialect, SqlParams, SqlScope } from './sql-dialect';
import { translateFilter } from './translate-filter';
import { orderBy } from './translate-sort';
import { UnsupportedOperatorError } from './unsupported-operator.error';

/** Where a pipeline starts: the collection's rows, filtered and sorted through its indexes. */
export interface PipelineSource {
  /** `SELECT … AS doc … FROM <table> [WHERE …] [ORDER BY …]`, given a leading `$match` and `$sort`. */
  select(match: Filter | undefined, sort: SortSpec | undefined, params: SqlParams): string;
}

interface Relation {
  sql: string;
  /** The rows carry an `ord` column that orders them (after a `$sort`). */
  ordered: boolean;
}

const ROW = 's';
const DOC = `${ROW}.doc`;

function inclusion(
  spec: Record<string, unknown>,
  dialect: SqlDialect,
  at: string,
): Array<{ key: string; value: string }> {
  // Nested paths (`citizen.name`) become nested objects; each key appears once.
  const tree = new Map<string, Map<string, unknown> | string>();
  for (const [path, value] of Object.entries(spec)) {
    if (path === '_id' && (value === 0 || value === false)) continue;
    let source: string;
    if (value === 1 || value === true) source = path;
    else if (typeof value === 'string' && value.startsWith('$')) source = value.slice(1);
    else
      throw new UnsupportedOperatorError(
        `${at}.${path}`,
        typeof value === 'object' ? (Object.keys(value ?? {})[0] ?? 'expression') : 'literal',
        'in $project is not supported (use 1, 0 or "$field")',
      );
    const segments = path.split('.');
    let node = tree;
    for (const segment of segments.slice(0, -1)) {
      let next = node.get(segment);
      if (!(next instanceof Map)) node.set(segment, (next = new Map()));
      node = next as Map<string, Map<string, unknown> | string>;
    }
    node.set(segments[segments.length - 1] as string, dialect.valueAt(DOC, source));
  }
  if (!('_id' in spec)) tree.set('_id', dialect.valueAt(DOC, '_id'));
  const build = (node: Map<string, unknown>): Array<{ key: string; value: string }> =>
    [...node].map(([key, value]) => ({
      key,
      value: typeof value === 'string' ? value : dialect.object(build(value as Map<string, unknown>)),
    }));
  return build(tree);
}

function project(spec: Record<string, unknown>, dialect: SqlDialect, params: SqlParams, at: string): string {
  const excluded = Object.entries(spec).filter(([, v]) => v === 0 || v === false);
  const onlyExclusions = excluded.length === Object.keys(spec).length;
  if (onlyExclusions)
    return dialect.without(
      DOC,
      excluded.map(([path]) => path),
      params,
    );
  return dialect.object(inclusion(spec, dialect, at));
}

function groupId(id: unknown, dialect: SqlDialect, at: string): string | undefined {
  if (id === null) return undefined;
  if (typeof id === 'string' && id.startsWith('$')) return dialect.valueAt(DOC, id.slice(1));
  if (isPlainObject(id)) {
    return dialect.object(
      Object.entries(id).map(([key, value]) => {
        if (typeof value !== 'string' || !value.startsWith('$'))
          throw new UnsupportedOperatorError(`${at}.${key}`, 'literal', 'in a $group _id is not supported');
        return { key, value: dialect.valueAt(DOC, value.slice(1)), keepNull: true };
      }),
    );
  }
  throw new UnsupportedOperatorError(
    at,
    'literal',
    'as a $group _id is not supported (use null or "$field")',
  );
}

function group(spec: Record<string, unknown>, dialect: SqlDialect, from: string, at: string): string {
  const key = groupId(spec._id, dialect, `${at}._id`);
  const entries: Array<{ key: string; value: string; keepNull?: boolean }> = [
    { key: '_id', value: key ?? 'NULL', keepNull: true },
  ];
  for (const [name, accumulator] of Object.entries(spec)) {
    if (name === '_id') continue;
    const operand = (accumulator as { $sum: unknown }).$sum;
    let sum: string;
    if (typeof operand === 'number') sum = `count(*) * ${operand}`;
    else if (typeof operand === 'string' && operand.startsWith('$'))
      sum = `coalesce(sum(${dialect.numberAt(DOC, operand.slice(1))}), 0)`;
    else
      throw new UnsupportedOperatorError(`${at}.${name}.$sum`, '$sum', 'of an expression is not supported');
    entries.push({ key: name, value: sum });
  }
  if (key === undefined)
    return `SELECT ${dialect.object(entries)} AS doc, NULL AS ord FROM ${from} HAVING count(*) > 0`;
  // Groups come out in key order (engines hash or sort them), so that a later $sort breaks ties alike.
  return `SELECT ${dialect.object(entries)} AS doc, row_number() OVER (ORDER BY ${key}) AS ord FROM ${from} GROUP BY ${key} HAVING count(*) > 0`;
}

/**
 * The SQL of a validated pipeline: one SELECT per stage, each over the one before, ending in
 * `SELECT doc … ORDER BY ord`. A leading `$match` (and `$sort`) runs on the collection itself so
 * that its indexes serve it; `$sort` numbers the rows (`ord`) so that later stages keep the order.
 */
export function translatePipeline(
  pipeline: PipelineStage[],
  source: PipelineSource,
  dialect: SqlDialect,
  params: SqlParams,
): string {
  let start = 0;
  let match: Filter | undefined;
  let sort: SortSpec | undefined;
  if (pipeline[0] && '$match' in pipeline[0]) {
    match = pipeline[0].$match as Filter;
    start = 1;
  }
  const leadingSort = pipeline[start];
  if (leadingSort && '$sort' in leadingSort) {
    sort = leadingSort.$sort as SortSpec;
    start++;
  }
  let current: Relation = { sql: source.select(match, sort, params), ordered: sort !== undefined };
  const scope: SqlScope = dialect.scope(DOC);
  const from = (): string => `(${current.sql}) AS ${ROW}`;
  const ord = (): string => (current.ordered ? `${ROW}.ord` : 'NULL');
  for (let i = start; i < pipeline.length; i++) {
    const stage = pipeline[i] as PipelineStage;
    const [name, spec] = Object.entries(stage)[0] as [string, unknown];
    const at = `pipeline[${i}].${name}`;
    switch (name) {
      case '$match':
        current = {
          sql: `SELECT ${DOC} AS doc, ${ord()} AS ord FROM ${from()} WHERE ${translateFilter(spec as Filter, scope, params, at)}`,
          ordered: current.ordered,
        };
        break;
      case '$sort':
        current = {
          // Ties keep the order they had (a stable sort), as MongoDB's results do in practice.
          sql: `SELECT ${DOC} AS doc, row_number() OVER (${orderBy(spec as SortSpec, scope)}${current.ordered ? `, ${ROW}.ord` : ''}) AS ord FROM ${from()}`,
          ordered: true,
        };
        break;
      case '$skip':
      case '$limit': {
        const clause =
          name === '$skip'
            ? dialect.limit(undefined, spec as number)
            : dialect.limit(spec as number, undefined);
        const order = current.ordered ? ` ORDER BY ${ROW}.ord` : '';
        current = {
          sql: `SELECT ${DOC} AS doc, ${ord()} AS ord FROM ${from()}${order} ${clause}`,
          ordered: current.ordered,
        };
        break;
      }
      case '$project':
        current = {
          sql: `SELECT ${project(spec as Record<string, unknown>, dialect, params, at)} AS doc, ${ord()} AS ord FROM ${from()}`,
          ordered: current.ordered,
        };
        break;
      case '$unwind': {
        const options = isPlainObject(spec) ? spec : { path: spec };
        const unwound = dialect.unwind(
          DOC,
          (options.path as string).slice(1),
          options.preserveNullAndEmptyArrays === true,
        );
        current = {
          sql: `SELECT ${unwound.doc} AS doc, row_number() OVER (ORDER BY ${ord()}, ${unwound.order}) AS ord FROM ${from()}${unwound.from}`,
          ordered: true,
        };
        break;
      }
      case '$group':
        current = {
          sql: group(spec as Record<string, unknown>, dialect, from(), at),
          ordered: (spec as Record<string, unknown>)._id !== null,
        };
        break;
      case '$count':
        current = {
          sql: `SELECT ${dialect.object([{ key: spec as string, value: 'count(*)' }])} AS doc, NULL AS ord FROM ${from()} HAVING count(*) > 0`,
          ordered: false,
        };
        break;
      default:
        throw new UnsupportedOperatorError(at, name);
    }
  }
  return `SELECT ${dialect.output(DOC)} AS doc FROM ${from()}${current.ordered ? ` ORDER BY ${ROW}.ord` : ''}`;
}
