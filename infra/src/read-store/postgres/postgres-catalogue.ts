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
  /**
   * Being loaded by a rebuild (see `beginLoad`): only the documents and the unique indexes exist;
   * the declared B-trees, the per-path indexes and the side tables (and their trigger) are built
   * by `finishLoad`. Reads answer from the documents meanwhile.
   */
  loading: boolean;
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

/** The sort memory of a rebuild's build at its end (`finishLoad`), as much as the index builds get by default. */
const LOAD_WORK_MEM = '64MB';

/** Catalogues written before the rebuild mode get its column (`ADD COLUMN IF NOT EXISTS` is PostgreSQL 9.6). */
async function upgradeCollections(x: Executor): Promise<void> {
  const [column] = await x.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'rs_collections' AND column_name = 'loading' AND table_schema = current_schema()",
  );
  if (!column) await x.query('ALTER TABLE rs_collections ADD COLUMN loading boolean NOT NULL DEFAULT false');
}

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
 * and uniqueness), and every distinct declared path (however many indexes name it) has one GIN
 * index that answers equality on multi-valued fields (containment finds a value among an array's
 * elements), one partial index of the documents holding an array or an object there, and one side
 * table (`postgres-side-tables.ts`). A rebuild loads into a collection without them and builds
 * them at its end (`beginLoad`, `finishLoad`).
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
      await upgradeCollections(tx);
      await upgradeIndexes(tx);
      const catalogue = new PostgresCatalogue(await sideFeatures(tx));
      await catalogue.upgradeSides(tx);
      await upgradePathIndexes(tx);
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
    const [row] = await x.query<{ id: number; loading: boolean }>(
      'SELECT id, loading FROM rs_collections WHERE name = $1',
      [name],
    );
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
    const info = { id: row.id, table: `rs_d${row.id}`, indexes, sides, loading: row.loading };
    // A loading collection is looked up again at every use: once another process has finished
    // its load, this one's reads take the indexes and side tables at once, not after a restart.
    if (!info.loading) this.tables.set(name, info);
    return info;
  }

  async ensure(x: Executor, name: string, loading = false): Promise<TableInfo> {
    const found = await this.find(x, name);
    if (found) return found;
    // Another process may have added it since: look again once the lock is ours.
    await x.query(CATALOGUE_LOCK);
    this.tables.delete(name);
    const added = await this.find(x, name);
    if (added) return added;
    const [row] = await x.query<{ id: number }>(
      'INSERT INTO rs_collections (name, loading) VALUES ($1, $2) RETURNING id',
      [name, loading],
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
    // While loading, a unique index is kept (a duplicate must fail as it would live); the rest waits for `finishLoad`.
    if (info.loading && !index.unique) return;
    await x.query(btreeIndex(info.table, physical, index));
    if (info.loading) return;
    await this.addSides(
      x,
      info,
      Object.keys(index.key).filter((path) => path !== '_id'),
    );
  }

  /**
   * Puts the collections `names` in the rebuild mode when each is absent or empty (an empty one is
   * dropped: the projection's setup declares its indexes again); answers whether it did. Loading,
   * a collection has its documents and unique indexes only, so that each write costs its rows and
   * `_id` alone; `finishLoad` builds the rest at once.
   */
  async beginLoad(x: Executor, names: readonly string[]): Promise<boolean> {
    await x.query(CATALOGUE_LOCK);
    this.forget();
    const present: string[] = [];
    for (const name of names) {
      const info = await this.find(x, name);
      if (!info) continue;
      const [row] = await x.query(`SELECT 1 FROM ${info.table} LIMIT 1`);
      if (row) return false;
      present.push(name);
    }
    for (const name of present) await this.drop(x, name);
    for (const name of names) await this.ensure(x, name, true);
    return true;
  }

  /** Whether any of the collections `names` is still loading: a rebuild that never finished. */
  async loading(x: Executor, names: readonly string[]): Promise<boolean> {
    for (const name of names) {
      this.tables.delete(name);
      if ((await this.find(x, name))?.loading) return true;
    }
    return false;
  }

  /**
   * Ends the rebuild mode of the collections `names`: the declared B-trees built over the loaded
   * documents (one sorted build each instead of one insertion per write), every declared path's
   * side table filled by one `INSERT … SELECT` and its GIN and partial indexes built, the trigger
   * that keeps them from now on installed, and only then the collection
   * marked loaded, all in the caller's transaction: a crash before its commit leaves it loading.
   */
  async finishLoad(x: Executor, names: readonly string[]): Promise<void> {
    // The side tables' fills sort every (value, document) pair (a case's search tokens: about 70
    // each); at the default 4 MB such a sort spills to disk. For this transaction only.
    await x.query(`SET LOCAL work_mem = '${LOAD_WORK_MEM}'`);
    for (const name of names) {
      this.tables.delete(name);
      const info = await this.find(x, name);
      if (!info?.loading) continue;
      for (const index of info.indexes)
        if (!index.unique) await x.query(btreeIndex(info.table, index.physical, index));
      const paths = info.indexes.flatMap((i) => Object.keys(i.key)).filter((path) => path !== '_id');
      await this.addSides(x, info, paths);
      await x.query('UPDATE rs_collections SET loading = false WHERE id = $1', [info.id]);
      this.tables.delete(name);
    }
  }

  /**
   * Gives the paths among `paths` that have none a side table, filled from the documents already
   * there, and the path's GIN and partial indexes (one each per path, however many declared indexes
   * name it: they are the same expression), and rewrites the table's trigger to keep the side
   * tables. The documents' table is locked against writes first, so that no document written
   * meanwhile is missing from the new side tables.
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
      await createPathIndexes(x, info.table, side);
      sides.set(path, side);
    }
    await writeSideTrigger(x, info.table, [...sides.values()], this.features.statements);
  }

  /**
   * Databases written before counts read side tables get them on open (under the catalogue lock):
   * every declared path's side table, filled from the documents. On a large table this takes a while once.
   */
  private async upgradeSides(x: Executor): Promise<void> {
    // A loading collection gets its side tables when its load finishes.
    const collections = await x.query<{ name: string }>(
      'SELECT DISTINCT c.name FROM rs_collections c JOIN rs_indexes i ON i.collection = c.id WHERE NOT c.loading',
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
    // Absent while the collection loads (unless unique).
    await x.query(`DROP INDEX IF EXISTS ${index.physical}`);
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
      await x.query(`DROP INDEX IF EXISTS ${side.table}_g`);
      await x.query(`DROP INDEX IF EXISTS ${side.table}_c`);
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
 * A declared path's indexes on the documents' table, named after its side table: a GIN index that
 * answers equality on multi-valued fields (containment finds a value among an array's elements)
 * and the partial index of the documents holding an array or an object there.
 */
async function createPathIndexes(x: Executor, docs: string, side: SideTable): Promise<void> {
  await x.query(`CREATE INDEX ${side.table}_g ON ${docs} USING gin (${indexExpression(side.path)})`);
  await x.query(complexIndex(docs, `${side.table}_c`, side.path));
}

/**
 * Databases written when every declared index had a GIN and a partial index per path (`_x<n>_g<k>`,
 * `_x<n>_c<k>`: the cases collection had 21 of each for 13 paths, each maintained on every write)
 * get one of each per path on open, named after the path's side table, and lose the others.
 */
async function upgradePathIndexes(x: Executor): Promise<void> {
  const present = new Set(
    (
      await x.query<{ name: string }>(
        "SELECT c.relname AS name FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE 'rs\\_d%' AND pg_catalog.pg_table_is_visible(c.oid)",
      )
    ).map((row) => row.name),
  );
  const sides = await x.query<{ collection: number; id: number; path: string }>(
    'SELECT collection, id, path FROM rs_sides ORDER BY id',
  );
  for (const side of sides) {
    const docs = `rs_d${side.collection}`;
    const table = `${docs}_s${side.id}`;
    if (!present.has(`${table}_g`))
      await x.query(`CREATE INDEX ${table}_g ON ${docs} USING gin (${indexExpression(side.path)})`);
    if (!present.has(`${table}_c`)) await x.query(complexIndex(docs, `${table}_c`, side.path));
  }
  for (const name of present) if (/^rs_d\d+_x\d+_[gc]\d+$/.test(name)) await x.query(`DROP INDEX ${name}`);
}

/**
 * Databases written before the query path read in index order get its indexes on open, under the
 * catalogue lock: every non-unique B-tree rebuilt to end with `_id` (the partial indexes that tell
 * scalar paths from complex ones come per path, `upgradePathIndexes`). Nothing else changes; on a
 * large table this takes a while once.
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
  }
}
