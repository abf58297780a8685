import type { Filter, FindOptions, SortSpec } from '../read-store.port';
import { NumberedParams } from '../sql/sql-params';
import { TRUE, translateFilter } from '../sql/translate-filter';
import type { TableInfo } from './sqlite-catalogue';
import type { CompoundTable } from './sqlite-compounds';
import { chooseDriver, type Driver } from './sqlite-driver';
import { sqliteDialect } from './sqlite-dialect';
import type { SqliteReadStore } from './sqlite-read-store';
import { rowScope, type RowScope } from './sqlite-row-scope';
import { sideLiteral } from './sqlite-side-field';

export interface Statement {
  sql: string;
  values: Array<string | number | null>;
}

export const TABLE_ROWS = { rid: 't.rowid', doc: 't.doc', id: 't.id' };
const DRIVEN_ROWS = { rid: 'm.rid', doc: 't.doc', id: 't.id' };
const direction = (d: 1 | -1): string => (d === 1 ? 'ASC' : 'DESC');
/** A driver matching at least this many rows makes a descending page try the sort's side table first. */
const BROAD = 2_000;
/** Side rows read in sort order before giving up on the ordered page (the filter is too selective). */
const ORDERED_SCAN = 20_000;

/**
 * The SQL of reads and of the rows a write targets, answered from the side tables where the filter
 * allows: the most selective indexed condition gives the candidate rowids (`m.rid`), the rest of
 * the filter is probed per candidate in the side tables, and the document row is joined only when
 * a condition or sort key needs it. A page sorts the candidates by their side values and reads the
 * page's documents alone.
 */
export class SqliteQuery {
  constructor(
    private readonly store: SqliteReadStore,
    private readonly info: TableInfo,
  ) {}

  private scope(driven: boolean): RowScope {
    return rowScope(this.info, this.store.catalogue, driven ? DRIVEN_ROWS : TABLE_ROWS);
  }

  /**
   * `FROM … WHERE …` of the matching rows as `t` (the table), with their rowid as `t.rowid`: for
   * updates, deletes and pipelines, which read the documents anyway.
   */
  rows(filter: Filter, params: NumberedParams): string {
    const driver = chooseDriver(filter, this.info, this.store);
    const predicate = translateFilter(driver?.residual ?? filter, this.scope(false), params);
    const parts = [
      ...(driver ? [`t.rowid IN (${driver.sql(params)})`] : []),
      ...(predicate === TRUE ? [] : [predicate]),
    ];
    return `${this.info.table} AS t${parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : ''}`;
  }

  /** The matches' rowids (`rid`) with the given expressions, from the side tables when they suffice. */
  private matches(
    filter: Filter,
    params: NumberedParams,
    sort: SortSpec | undefined,
    driver = chooseDriver(filter, this.info, this.store),
  ) {
    const scope = this.scope(driver !== undefined);
    const predicate = translateFilter(driver?.residual ?? filter, scope, params);
    const keys = Object.entries(sort ?? {});
    // A trailing `_id` only breaks ties: taken from the document rows of the page, not of every match.
    const tieBreak = keys.length > 1 && keys[keys.length - 1]?.[0] === '_id' ? keys.pop() : undefined;
    const sortKeys = keys.map(([path, d]) => ({ expr: scope.sortKey(path), dir: direction(d) }));
    const rid = driver ? 'm.rid' : 't.rowid';
    const source = driver
      ? `(${driver.sql(params)}) AS m${scope.readsDocument ? ` JOIN ${this.info.table} AS t ON t.rowid = m.rid` : ''}`
      : `${this.info.table} AS t`;
    const where = predicate === TRUE ? '' : ` WHERE ${predicate}`;
    return { rid, source, where, sortKeys, tieBreak, driven: driver !== undefined };
  }

  count(filter: Filter): Statement {
    const params = new NumberedParams();
    const { source, where } = this.matches(filter, params, undefined);
    return { sql: `SELECT count(*) AS n FROM ${source}${where}`, values: params.values };
  }

  /**
   * The path a compound side table could give the order of: the sort is by one path that never
   * held arrays or objects, then optionally by `_id` in the same direction.
   */
  private orderedPath(sort: SortSpec | undefined): string | undefined {
    const keys = Object.entries(sort ?? {});
    if (keys.length < 1 || keys.length > 2) return undefined;
    if (keys.length === 2 && (keys[1]?.[0] !== '_id' || keys[1][1] !== keys[0]?.[1])) return undefined;
    const path = keys[0]?.[0] as string;
    const declared = this.info.compounds.some((c) => c.second === path);
    return declared && !this.store.catalogue.complex(this.info, path) ? path : undefined;
  }

  /**
   * A page read in the order of a compound side table's index: the rows of one first-path value,
   * by the sort value then `_id`, the rest of the filter probed per row until the page is full.
   */
  private compoundPage(
    compound: CompoundTable,
    driver: Driver & { equality: NonNullable<Driver['equality']> },
    d: 1 | -1,
    options: FindOptions,
  ): Statement {
    const params = new NumberedParams();
    const scope = this.scope(true);
    const predicate = translateFilter(driver.residual, scope, params);
    const join = scope.readsDocument ? ` JOIN ${this.info.table} AS t ON t.rowid = m.rid` : '';
    const where = [
      `m.a = ${sideLiteral(driver.equality.value, params)}`,
      ...(predicate === TRUE ? [] : [predicate]),
    ].join(' AND ');
    const paged = options.limit !== undefined || options.skip !== undefined;
    const dir = direction(d);
    const page = `SELECT m.rid AS rid, m.b AS k0, m.id AS k1 FROM ${compound.table} AS m${join} WHERE ${where} ORDER BY m.b ${dir}, m.id ${dir}${paged ? ` ${sqliteDialect.limit(options.limit, options.skip)}` : ''}`;
    return {
      sql: `SELECT json(o.doc) AS doc FROM (${page}) AS p JOIN ${this.info.table} AS o ON o.rowid = p.rid ORDER BY p.k0 ${dir}, p.k1 ${dir}`,
      values: params.values,
    };
  }

  /**
   * A descending page read along the sort path's side table (by value, newest first), the whole
   * filter probed per row: for broad filters, such as full-text words, whose matches are too many
   * to sort. The first `skip + limit` matches within the first ORDERED_SCAN side rows give the
   * lowest sort value the page can reach; the page is then the matches at or above it, sorted with
   * `_id` breaking ties, so ties at the boundary are exact. Documents without a value sort last
   * descending, after a full page: never in it. Undefined when the scan finds too few matches.
   */
  private descendingPage(filter: Filter, options: FindOptions, driver: Driver): Statement | undefined {
    const keys = Object.entries(options.sort ?? {});
    const [path, d] = keys[0] ?? [];
    const tie = keys[1];
    if (path === undefined || path === '_id' || d !== -1 || keys.length !== 2) return undefined;
    if (tie?.[0] !== '_id' || tie[1] !== -1) return undefined;
    const side = this.info.sides.get(path);
    if (side === undefined || this.store.catalogue.complex(this.info, path) || options.limit === undefined)
      return undefined;
    const broad = new NumberedParams();
    const counted = this.store
      .statement(`SELECT count(*) AS n FROM (${driver.sql(broad)} LIMIT ${BROAD})`)
      .get(...broad.values) as { n: number };
    if (counted.n < BROAD) return undefined;
    const need = (options.skip ?? 0) + options.limit;
    const probe = new NumberedParams();
    const scope = this.scope(true);
    const predicate = translateFilter(filter, scope, probe);
    const join = scope.readsDocument ? ` JOIN ${this.info.table} AS t ON t.rowid = m.rid` : '';
    const where = predicate === TRUE ? '' : ` WHERE ${predicate}`;
    const found = this.store
      .statement(
        `SELECT count(*) AS n, min(v) AS low FROM (SELECT m.v AS v FROM (SELECT v, rid FROM ${side} ORDER BY v DESC LIMIT ${ORDERED_SCAN}) AS m${join}${where} LIMIT ${need})`,
      )
      .get(...probe.values) as { n: number; low: unknown };
    // A boolean (a blob here) as the boundary: not worth a page of its own.
    if (found.n < need || (typeof found.low !== 'string' && typeof found.low !== 'number')) return undefined;
    const params = new NumberedParams();
    const again = translateFilter(filter, this.scope(true), params);
    const low = params.add(found.low);
    const page = `SELECT m.rid AS rid, m.v AS k0 FROM ${side} AS m${join} WHERE m.v >= ${low}${again === TRUE ? '' : ` AND ${again}`}`;
    return {
      sql: `SELECT json(o.doc) AS doc FROM (${page}) AS p JOIN ${this.info.table} AS o ON o.rowid = p.rid ORDER BY p.k0 DESC, o.id DESC ${sqliteDialect.limit(options.limit, options.skip)}`,
      values: params.values,
    };
  }

  find(filter: Filter, options: FindOptions): Statement {
    const { sort, skip, limit } = options;
    const sortPath = this.orderedPath(sort);
    const compoundOf = (path: string) =>
      sortPath === undefined
        ? undefined
        : this.info.compounds.find((c) => c.first === path && c.second === sortPath);
    const driver = chooseDriver(filter, this.info, this.store, (path) => compoundOf(path) !== undefined);
    const compound = driver?.equality ? compoundOf(driver.equality.path) : undefined;
    if (compound && driver?.equality)
      return this.compoundPage(
        compound,
        { ...driver, equality: driver.equality },
        Object.values(sort ?? {})[0] as 1 | -1,
        options,
      );
    const ordered = driver ? this.descendingPage(filter, options, driver) : undefined;
    if (ordered) return ordered;
    const params = new NumberedParams();
    const paged = limit !== undefined || skip !== undefined;
    const m = this.matches(filter, params, sort, driver);
    if (!m.driven && sort === undefined)
      return {
        sql: `SELECT json(t.doc) AS doc FROM ${m.source}${m.where}${paged ? ` ${sqliteDialect.limit(limit, skip)}` : ''}`,
        values: params.values,
      };
    const columns = [`${m.rid} AS rid`, ...m.sortKeys.map((k, i) => `${k.expr} AS k${i}`)].join(', ');
    const inner = m.sortKeys.map((k, i) => `k${i} ${k.dir}`);
    const outer = m.sortKeys.map((k, i) => `p.k${i} ${k.dir}`);
    let page: string;
    if (m.tieBreak) {
      outer.push(`o.id ${direction(m.tieBreak[1])}`);
      // The page is within the first skip + limit by the other keys, ties included (rank).
      page =
        limit !== undefined
          ? `SELECT * FROM (SELECT *, rank() OVER (ORDER BY ${inner.join(', ')}) AS r FROM (SELECT ${columns} FROM ${m.source}${m.where})) WHERE r <= ${(skip ?? 0) + limit}`
          : `SELECT ${columns} FROM ${m.source}${m.where}`;
    } else {
      if (inner.length === 0) {
        inner.push('rid');
        outer.push('p.rid');
      }
      page = `SELECT ${columns} FROM ${m.source}${m.where}${paged ? ` ORDER BY ${inner.join(', ')} ${sqliteDialect.limit(limit, skip)}` : ''}`;
    }
    const outerPage = m.tieBreak && paged ? ` ${sqliteDialect.limit(limit, skip)}` : '';
    return {
      sql: `SELECT json(o.doc) AS doc FROM (${page}) AS p JOIN ${this.info.table} AS o ON o.rowid = p.rid ORDER BY ${outer.join(', ')}${outerPage}`,
      values: params.values,
    };
  }
}
