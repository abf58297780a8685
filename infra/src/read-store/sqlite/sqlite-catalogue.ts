import type { DatabaseSync } from 'node:sqlite';
import { NotFoundError } from '@hotline/contracts';
import type { IndexDescription, IndexKey } from '../read-store.port';
import type { FieldShape } from './sqlite-field';
import { SIDE_VALUE } from './sqlite-field';
import { jsonPath } from './sqlite-json-path';

/** A collection's physical table (`d<id>`), its declared indexes and its side tables. */
export interface TableInfo {
  id: number;
  table: string;
  indexes: Array<IndexDescription & { physical: string }>;
  /** Per indexed path, the side table of the array elements found there. */
  sides: Map<string, string>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS _rs_collections (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS _rs_indexes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, name TEXT NOT NULL,
  key TEXT NOT NULL, is_unique INTEGER NOT NULL, UNIQUE (collection, name));
CREATE TABLE IF NOT EXISTS _rs_sides (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, path TEXT NOT NULL, UNIQUE (collection, path));
`;

/**
 * The names and layout of the read store inside the SQLite file: logical collection names map to
 * numbered tables, so that renaming a collection (a rebuilt projection swapped in) only rewrites a
 * row of `_rs_collections`. Every declared index is an expression index over json_extract; every
 * indexed path also gets a side table of array elements (rid, v), kept by triggers, which answers
 * equality on multi-valued fields (search tokens, unit ids) through an index.
 */
export class SqliteCatalogue {
  private readonly tables = new Map<string, TableInfo | null>();
  /** Bumped by every write: a cached "no arrays at this path" holds until the next write. */
  generation = 0;
  private readonly shapes = new Map<string, { generation: number; shape: FieldShape }>();

  constructor(private readonly db: DatabaseSync) {
    db.exec(SCHEMA);
  }

  forget(): void {
    this.tables.clear();
    this.shapes.clear();
  }

  names(): string[] {
    return (
      this.db.prepare('SELECT name FROM _rs_collections ORDER BY name').all() as Array<{ name: string }>
    ).map((row) => row.name);
  }

  find(name: string): TableInfo | undefined {
    const cached = this.tables.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.db.prepare('SELECT id FROM _rs_collections WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (!row) {
      this.tables.set(name, null);
      return undefined;
    }
    const indexes = (
      this.db
        .prepare('SELECT id, name, key, is_unique FROM _rs_indexes WHERE collection = ? ORDER BY id')
        .all(row.id) as Array<{
        id: number;
        name: string;
        key: string;
        is_unique: number;
      }>
    ).map((i) => ({
      name: i.name,
      key: JSON.parse(i.key) as IndexKey,
      unique: i.is_unique === 1,
      physical: `d${row.id}_x${i.id}`,
    }));
    const sides = new Map(
      (
        this.db.prepare('SELECT id, path FROM _rs_sides WHERE collection = ?').all(row.id) as Array<{
          id: number;
          path: string;
        }>
      ).map((s) => [s.path, `d${row.id}_s${s.id}`]),
    );
    const info = { id: row.id, table: `d${row.id}`, indexes, sides };
    this.tables.set(name, info);
    return info;
  }

  ensure(name: string): TableInfo {
    const found = this.find(name);
    if (found) return found;
    const { lastInsertRowid } = this.db.prepare('INSERT INTO _rs_collections (name) VALUES (?)').run(name);
    this.db.exec(`CREATE TABLE d${lastInsertRowid} (id NOT NULL PRIMARY KEY, doc BLOB NOT NULL)`);
    this.tables.delete(name);
    return this.find(name) as TableInfo;
  }

  /** How equality on `path` is answered: see FieldShape. */
  shape(info: TableInfo, path: string): FieldShape {
    const side = info.sides.get(path);
    if (side === undefined) return { kind: 'unknown' };
    const key = `${info.table}\u0000${path}`;
    const cached = this.shapes.get(key);
    if (cached && cached.generation === this.generation) return cached.shape;
    const hasArrays = this.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${side}) AS any`).get() as {
      any: number;
    };
    const shape: FieldShape = hasArrays.any
      ? { kind: 'multi', table: side, rowid: `${info.table}.rowid` }
      : { kind: 'scalar' };
    this.shapes.set(key, { generation: this.generation, shape });
    return shape;
  }

  createIndex(name: string, index: { name: string; key: IndexKey; unique: boolean }): void {
    const info = this.ensure(name);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO _rs_indexes (collection, name, key, is_unique) VALUES (?, ?, ?, ?)')
      .run(info.id, index.name, JSON.stringify(index.key), index.unique ? 1 : 0);
    const columns = Object.entries(index.key)
      .map(([path, direction]) => `${indexExpression(path)}${direction === -1 ? ' DESC' : ''}`)
      .join(', ');
    this.db.exec(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX d${info.id}_x${lastInsertRowid} ON ${info.table} (${columns})`,
    );
    for (const path of Object.keys(index.key)) if (path !== '_id') this.createSide(info, path);
    this.tables.delete(name);
  }

  private createSide(info: TableInfo, path: string): void {
    if (info.sides.has(path)) return;
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO _rs_sides (collection, path) VALUES (?, ?)')
      .run(info.id, path);
    const side = `d${info.id}_s${lastInsertRowid}`;
    const p = jsonPath(path);
    const fill = (row: 'new' | 'old') =>
      `INSERT INTO ${side} (rid, v) SELECT ${row}.rowid, ${SIDE_VALUE('e')} FROM json_each(${row}.doc, ${p}) AS e WHERE e.type NOT IN ('array', 'object');`;
    const isArray = (row: 'new' | 'old') => `json_type(${row}.doc, ${p}) = 'array'`;
    this.db.exec(`
      CREATE TABLE ${side} (rid INTEGER NOT NULL, v);
      CREATE INDEX ${side}_v ON ${side} (v, rid);
      CREATE INDEX ${side}_r ON ${side} (rid);
      CREATE TRIGGER ${side}_ai AFTER INSERT ON ${info.table} WHEN ${isArray('new')} BEGIN ${fill('new')} END;
      CREATE TRIGGER ${side}_ad AFTER DELETE ON ${info.table} WHEN ${isArray('old')} BEGIN DELETE FROM ${side} WHERE rid = old.rowid; END;
      CREATE TRIGGER ${side}_au AFTER UPDATE OF doc ON ${info.table}
        WHEN (${isArray('old')} OR ${isArray('new')}) AND (old.doc -> ${p}) IS NOT (new.doc -> ${p})
        BEGIN DELETE FROM ${side} WHERE rid = old.rowid; ${fill('new').replace('new.rowid', 'new.rowid')} END;
      INSERT INTO ${side} (rid, v) SELECT t.rowid, ${SIDE_VALUE('e')} FROM ${info.table} AS t, json_each(t.doc, ${p}) AS e
        WHERE json_type(t.doc, ${p}) = 'array' AND e.type NOT IN ('array', 'object');
    `);
    info.sides.set(path, side);
  }

  dropIndex(name: string, indexName: string): void {
    const info = this.find(name);
    const index = info?.indexes.find((i) => i.name === indexName);
    if (!info || !index) throw new NotFoundError('index', indexName);
    this.db.exec(`DROP INDEX ${index.physical}`);
    this.db.prepare('DELETE FROM _rs_indexes WHERE collection = ? AND name = ?').run(info.id, indexName);
    const stillIndexed = new Set(info.indexes.filter((i) => i !== index).flatMap((i) => Object.keys(i.key)));
    for (const [path, side] of info.sides) {
      if (stillIndexed.has(path)) continue;
      this.db.exec(
        `DROP TABLE ${side}; DROP TRIGGER ${side}_ai; DROP TRIGGER ${side}_ad; DROP TRIGGER ${side}_au;`,
      );
      this.db.prepare('DELETE FROM _rs_sides WHERE collection = ? AND path = ?').run(info.id, path);
    }
    this.tables.delete(name);
  }

  drop(name: string): void {
    const info = this.find(name);
    if (!info) return;
    for (const side of info.sides.values()) this.db.exec(`DROP TABLE ${side}`);
    this.db.exec(`DROP TABLE ${info.table}`);
    this.db.prepare('DELETE FROM _rs_sides WHERE collection = ?').run(info.id);
    this.db.prepare('DELETE FROM _rs_indexes WHERE collection = ?').run(info.id);
    this.db.prepare('DELETE FROM _rs_collections WHERE id = ?').run(info.id);
    this.tables.delete(name);
  }

  /** Gives collection `from` the name `to`, dropping what `to` held. */
  rename(from: string, to: string): void {
    this.drop(to);
    this.db.prepare('UPDATE _rs_collections SET name = ? WHERE name = ?').run(to, from);
    this.tables.delete(from);
    this.tables.delete(to);
  }

  /** The declared index (by logical name) whose physical SQLite index is `physical`. */
  indexNamed(info: TableInfo, physical: string): string | undefined {
    return info.indexes.find((i) => i.physical === physical)?.name;
  }
}

/** The expression an index is built on and a query must repeat to use it. */
export const indexExpression = (path: string): string =>
  path === '_id' ? 'id' : `json_extract(doc, ${jsonPath(path)})`;
