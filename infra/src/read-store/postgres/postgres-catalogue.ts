import { NotFoundError } from '@hotline/contracts';
import type { IndexDescription, IndexKey } from '../read-store.port';
import type { PostgresPool, PostgresTransaction } from '../../postgres';
import { jsonAt } from './postgres-json-path';
import {
  createSideTable,
  dropSideTrigger,
  sideFeatures,
  writeSideTrigger,
  type SideFeatures,
  type SideTable,
} from './postgres-side-tables';

/** A collection's physical table (`rs_d<id>`), its declared indexes and its declared paths' side tables. */
export interface TableInfo {
  id: number;
  table: string;
  indexes: Array<IndexDescription & { physical: string }>;
  sides: ReadonlyMap<string, SideTable>;
}

/** Where statements run: the pool, or the open transaction of a writer. */
export type Executor = PostgresTransaction;

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS rs_collections (id serial PRIMARY KEY, name text NOT NULL UNIQUE)',
  `CREATE TABLE IF NOT EXISTS rs_indexes (id serial PRIMARY KEY, collection integer NOT NULL,
    name text NOT NULL, key text NOT NULL, is_unique boolean NOT NULL, UNIQUE (collection, name))`,
  `CREATE TABLE IF NOT EXISTS rs_sides (id serial PRIMARY KEY, collection integer NOT NULL,
    path text NOT NULL, UNIQUE (collection, path))`,
];

/**
 * Held while the catalogue is created or a collection added: the services of a distributed run
 * share the database and start together, and two `CREATE TABLE IF NOT EXISTS` (or two inserts of
 * one collection's name) racing would fail one of them. An arbitrary constant key.
 */
const CATALOGUE_LOCK = 'SELECT pg_advisory_xact_lock(7526411939845474)';

/** The expression an index is built on and a query must repeat to use it. */
export const indexExpression = (path: string): string => jsonAt('doc', path);

/**
 * Whether the value at `path` is an array or an object: the predicate of the partial index that
 * tells, in one index probe, whether any document holds one there (see `complexPaths`).
 */
export const holdsComplex = (path: string): string =>
  `jsonb_typeof(${indexExpression(path)}) IN ('array', 'object')`;

/**
 * The names and layout of the read store in its database: logical collection names map to
 * numbered tables `rs_d<id> (doc jsonb)`, so that renaming a collection (a rebuilt projection
 * swapped in) only rewrites a row of `rs_collections`. `_id` has a unique B-tree index; every
 * declared index is a B-tree over the same JSONB expressions the queries use (for ranges, sorts
 * and uniqueness), and each of its paths also gets a GIN index that answers equality on
 * multi-valued fields (containment finds a value among an array's elements).
 * The layout is cached per store: a rename by another process is seen after a restart.
 */
export class PostgresCatalogue {
  private readonly tables = new Map<string, TableInfo | null>();
  /** Per table, the declared paths seen holding an array or an object (sticky). */
  private readonly complex = new Map<string, ReadonlySet<string>>();

  private constructor(private readonly features: SideFeatures) {}

  static async create(pool: PostgresPool): Promise<PostgresCatalogue> {
    return pool.transaction(async (tx) => {
      await tx.query(CATALOGUE_LOCK);
      for (const sql of SCHEMA) await tx.query(sql);
      await upgradeIndexes(tx);
      const catalogue = new PostgresCatalogue(await sideFeatures(tx));
      await catalogue.upgradeSides(tx);
      return catalogue;
    });
  }

  forget(): void {
    this.tables.clear();
    this.complex.clear();
  }

  async names(x: Executor): Promise<string[]> {
    const rows = await x.query<{ name: string }>('SELECT name FROM rs_collections ORDER BY name COLLATE "C"');
    return rows.map((row) => row.name);
  }

  async find(x: Executor, name: string): Promise<TableInfo | undefined> {
    const cached = this.tables.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const [row] = await x.query<{ id: number }>('SELECT id FROM rs_collections WHERE name = $1', [name]);
    if (!row) {
      this.tables.set(name, null);
      return undefined;
    }
    const indexes = (
      await x.query<{ id: number; name: string; key: string; is_unique: boolean }>(
        'SELECT id, name, key, is_unique FROM rs_indexes WHERE collection = $1 ORDER BY id',
        [row.id],
      )
    ).map((i) => ({
      name: i.name,
      key: JSON.parse(i.key) as IndexKey,
      unique: i.is_unique,
      physical: `rs_d${row.id}_x${i.id}`,
    }));
    const sides = new Map(
      (
        await x.query<{ id: number; path: string }>('SELECT id, path FROM rs_sides WHERE collection = $1', [
          row.id,
        ])
      ).map((side) => [side.path, { path: side.path, table: `rs_d${row.id}_s${side.id}` }]),
    );
    const info = { id: row.id, table: `rs_d${row.id}`, indexes, sides };
    this.tables.set(name, info);
    return info;
  }

  async ensure(x: Executor, name: string): Promise<TableInfo> {
    const found = await this.find(x, name);
    if (found) return found;
    // Another process may have added it since: look again once the lock is ours.
    await x.query(CATALOGUE_LOCK);
    this.tables.delete(name);
    const added = await this.find(x, name);
    if (added) return added;
    const [row] = await x.query<{ id: number }>(
      'INSERT INTO rs_collections (name) VALUES ($1) RETURNING id',
      [name],
    );
    const id = (row as { id: number }).id;
    await x.query(`CREATE TABLE rs_d${id} (doc jsonb NOT NULL)`);
    await x.query(`CREATE UNIQUE INDEX rs_d${id}_id ON rs_d${id} (${indexExpression('_id')})`);
    this.tables.delete(name);
    return (await this.find(x, name)) as TableInfo;
  }

  async createIndex(
    x: Executor,
    name: string,
    index: { name: string; key: IndexKey; unique: boolean },
  ): Promise<void> {
    const info = await this.ensure(x, name);
    const [row] = await x.query<{ id: number }>(
      'INSERT INTO rs_indexes (collection, name, key, is_unique) VALUES ($1, $2, $3, $4) RETURNING id',
      [info.id, index.name, JSON.stringify(index.key), index.unique],
    );
    const physical = `rs_d${info.id}_x${(row as { id: number }).id}`;
    this.tables.delete(name);
    await x.query(btreeIndex(info.table, physical, index));
    const paths = Object.keys(index.key).filter((path) => path !== '_id');
    for (const [k, path] of paths.entries()) {
      await x.query(`CREATE INDEX ${physical}_g${k} ON ${info.table} USING gin (${indexExpression(path)})`);
      await x.query(complexIndex(info.table, `${physical}_c${k}`, path));
    }
    await this.addSides(x, info, paths);
  }

  /**
   * Gives the paths among `paths` that have none a side table, filled from the documents already
   * there, and rewrites the table's trigger to keep them. The documents' table is locked against
   * writes first, so that no document written meanwhile is missing from the new side tables.
   */
  private async addSides(x: Executor, info: TableInfo, paths: readonly string[]): Promise<void> {
    const missing = [...new Set(paths)].filter((path) => !info.sides.has(path));
    if (missing.length === 0) return;
    await x.query(`LOCK TABLE ${info.table} IN SHARE ROW EXCLUSIVE MODE`);
    const sides = new Map(info.sides);
    for (const path of missing) {
      const [row] = await x.query<{ id: number }>(
        'INSERT INTO rs_sides (collection, path) VALUES ($1, $2) RETURNING id',
        [info.id, path],
      );
      const side = { path, table: `${info.table}_s${(row as { id: number }).id}` };
      await createSideTable(x, info.table, side, this.features.insertVacuum);
      sides.set(path, side);
    }
    await writeSideTrigger(x, info.table, [...sides.values()], this.features.statements);
  }

  /**
   * Databases written before counts read side tables get them on open (under the catalogue lock):
   * every declared path's side table, filled from the documents. On a large table this takes a while once.
   */
  private async upgradeSides(x: Executor): Promise<void> {
    const collections = await x.query<{ name: string }>(
      'SELECT DISTINCT c.name FROM rs_collections c JOIN rs_indexes i ON i.collection = c.id',
    );
    for (const { name } of collections) {
      const info = await this.find(x, name);
      if (!info) continue;
      const paths = info.indexes.flatMap((i) => Object.keys(i.key)).filter((path) => path !== '_id');
      await this.addSides(x, info, paths);
      this.tables.delete(name);
    }
  }

  /**
   * Paths among `paths` (declared, not `_id`) where some document now holds an array or an object,
   * one index probe each on the partial indexes. Sticky per store: a path seen complex stays so (its
   * queries keep the general translation, which is right for any document).
   */
  async complexPaths(x: Executor, info: TableInfo, paths: Iterable<string>): Promise<Set<string>> {
    const known = (this.complex.get(info.table) ?? new Set<string>()) as Set<string>;
    this.complex.set(info.table, known);
    const asked = [...new Set(paths)].filter((path) => !known.has(path));
    if (asked.length > 0) {
      const probes = asked.map(
        (path, i) => `EXISTS (SELECT 1 FROM ${info.table} WHERE ${holdsComplex(path)}) AS c${i}`,
      );
      const [row] = await x.query<Record<string, boolean>>(`SELECT ${probes.join(', ')}`);
      asked.forEach((path, i) => {
        if (row?.[`c${i}`] === true) known.add(path);
      });
    }
    return known;
  }

  async dropIndex(x: Executor, name: string, indexName: string): Promise<void> {
    const info = await this.find(x, name);
    const index = info?.indexes.find((i) => i.name === indexName);
    if (!info || !index) throw new NotFoundError('index', indexName);
    this.tables.delete(name);
    for (let k = 0; k < Object.keys(index.key).length; k++) {
      await x.query(`DROP INDEX IF EXISTS ${index.physical}_g${k}`);
      await x.query(`DROP INDEX IF EXISTS ${index.physical}_c${k}`);
    }
    await x.query(`DROP INDEX ${index.physical}`);
    await x.query('DELETE FROM rs_indexes WHERE collection = $1 AND name = $2', [info.id, indexName]);
    // A path no other index declares loses its side table.
    const declared = new Set(info.indexes.filter((i) => i !== index).flatMap((i) => Object.keys(i.key)));
    const gone = [...info.sides.values()].filter((side) => !declared.has(side.path));
    if (gone.length === 0) return;
    await writeSideTrigger(
      x,
      info.table,
      [...info.sides.values()].filter((side) => declared.has(side.path)),
      this.features.statements,
    );
    for (const side of gone) {
      await x.query(`DROP TABLE ${side.table}`);
      await x.query('DELETE FROM rs_sides WHERE collection = $1 AND path = $2', [info.id, side.path]);
    }
  }

  async drop(x: Executor, name: string): Promise<void> {
    const info = await this.find(x, name);
    if (!info) return;
    this.tables.delete(name);
    this.complex.delete(info.table);
    await x.query(`DROP TABLE ${info.table}`);
    await dropSideTrigger(x, info.table);
    for (const side of info.sides.values()) await x.query(`DROP TABLE ${side.table}`);
    await x.query('DELETE FROM rs_sides WHERE collection = $1', [info.id]);
    await x.query('DELETE FROM rs_indexes WHERE collection = $1', [info.id]);
    await x.query('DELETE FROM rs_collections WHERE id = $1', [info.id]);
  }

  /** Gives collection `from` the name `to`, dropping what `to` held. */
  async rename(x: Executor, from: string, to: string): Promise<void> {
    await this.drop(x, to);
    await x.query('UPDATE rs_collections SET name = $1 WHERE name = $2', [to, from]);
    this.tables.delete(from);
    this.tables.delete(to);
  }

  /** The declared index (by logical name) whose physical index is `physical`; `_id_` for the key. */
  indexNamed(info: TableInfo, physical: string): string | undefined {
    if (physical === `${info.table}_id`) return '_id_';
    return info.indexes.find((i) => i.physical === physical)?.name;
  }
}

/**
 * The B-tree of a declared index. A non-unique one ends with `_id`: a sort by its paths then `_id`
 * (how searches page) is read in index order, a page without sorting the matches.
 */
function btreeIndex(table: string, physical: string, index: { key: IndexKey; unique: boolean }): string {
  const keys = Object.entries(index.key);
  if (!index.unique && !(keys.length > 0 && keys[keys.length - 1]?.[0] === '_id')) {
    const last = keys[keys.length - 1]?.[1] ?? 1;
    keys.push(['_id', last]);
  }
  const columns = keys
    .map(([path, direction]) => `${indexExpression(path)}${direction === -1 ? ' DESC' : ''}`)
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${physical} ON ${table} (${columns})`;
}

/** The partial index of the documents holding an array or an object at `path` (usually none). */
const complexIndex = (table: string, name: string, path: string): string =>
  `CREATE INDEX ${name} ON ${table} (jsonb_typeof(${indexExpression(path)})) WHERE ${holdsComplex(path)}`;

/**
 * Databases written before the query path read in index order get its indexes on open, under the
 * catalogue lock: every non-unique B-tree rebuilt to end with `_id`, and the partial indexes that
 * tell scalar paths from complex ones. Nothing else changes; on a large table this takes a while once.
 */
async function upgradeIndexes(x: Executor): Promise<void> {
  const declared = await x.query<{ collection: number; id: number; key: string; is_unique: boolean }>(
    'SELECT collection, id, key, is_unique FROM rs_indexes ORDER BY id',
  );
  if (declared.length === 0) return;
  const present = new Map(
    (
      await x.query<{ name: string; columns: number }>(
        "SELECT c.relname AS name, i.indnatts AS columns FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'rs\\_d%' AND pg_catalog.pg_table_is_visible(c.oid)",
      )
    ).map((row) => [row.name, Number(row.columns)]),
  );
  for (const index of declared) {
    const table = `rs_d${index.collection}`;
    const physical = `${table}_x${index.id}`;
    const key = JSON.parse(index.key) as IndexKey;
    const paths = Object.keys(key).filter((path) => path !== '_id');
    const columns = present.get(physical);
    if (
      !index.is_unique &&
      columns !== undefined &&
      columns === Object.keys(key).length &&
      paths.length === Object.keys(key).length
    ) {
      await x.query(`DROP INDEX ${physical}`);
      await x.query(btreeIndex(table, physical, { key, unique: false }));
    }
    for (const [k, path] of paths.entries())
      if (!present.has(`${physical}_c${k}`)) await x.query(complexIndex(table, `${physical}_c${k}`, path));
  }
}
