import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { NotFoundError } from '@hotline/contracts';
import type { IndexDescription, IndexKey } from '../read-store.port';
import { jsonPath } from './sqlite-json-path';
import {
  addCompound,
  compoundPaths,
  compoundTables,
  compoundTriggers,
  type CompoundTable,
} from './sqlite-compounds';
import { createSideTable, installTriggers, migrateSides, type SideTable } from './sqlite-sides';

/** A collection's physical table (`d<id>`), its declared indexes and its side tables. */
export interface TableInfo {
  id: number;
  table: string;
  /** `physical`: the expression index enforcing a unique index; non-unique ones live in the side tables. */
  indexes: Array<IndexDescription & { physical: string }>;
  /** Per indexed path, the side table of the values found there. */
  sides: Map<string, string>;
  /** The compound side tables of the declared two-field indexes. */
  compounds: CompoundTable[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS _rs_collections (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS _rs_indexes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, name TEXT NOT NULL,
  key TEXT NOT NULL, is_unique INTEGER NOT NULL, UNIQUE (collection, name));
CREATE TABLE IF NOT EXISTS _rs_sides (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, path TEXT NOT NULL,
  complex INTEGER NOT NULL DEFAULT 0, UNIQUE (collection, path));
CREATE TABLE IF NOT EXISTS _rs_compounds (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, first TEXT NOT NULL,
  second TEXT NOT NULL, UNIQUE (collection, first, second));
`;

/**
 * The names and layout of the read store inside the SQLite file: logical collection names map to
 * numbered tables, so that renaming a collection (a rebuilt projection swapped in) only rewrites a
 * row of `_rs_collections`. Every path a declared index names gets a side table of its values
 * (see sqlite-sides), kept by one trigger per kind of write; queries are answered from these. A
 * unique index is also an expression index over json_extract, which enforces it.
 */
export class SqliteCatalogue {
  private readonly tables = new Map<string, TableInfo | null>();
  /** Bumped by every write (the planner statistics are refreshed every so many). */
  generation = 0;
  private complexQuery: StatementSync | undefined;

  constructor(private readonly db: DatabaseSync) {
    const hadCompounds = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_rs_compounds'")
      .get();
    db.exec(SCHEMA);
    migrateSides(db);
    if (!hadCompounds) this.migrateCompounds();
  }

  /**
   * Files written before compound side tables get them on first open, in one transaction: one per
   * declared two-field index, filled from the documents; nothing else changes.
   */
  private migrateCompounds(): void {
    const indexes = this.db
      .prepare('SELECT collection, key, is_unique FROM _rs_indexes ORDER BY id')
      .all() as Array<{
      collection: number;
      key: string;
      is_unique: number;
    }>;
    const pairs = indexes.flatMap((i) => {
      const paths = compoundPaths(JSON.parse(i.key) as IndexKey, i.is_unique === 1);
      return paths ? [{ collection: i.collection, paths }] : [];
    });
    if (pairs.length === 0) return;
    this.db.exec('BEGIN');
    try {
      const touched = new Set<number>();
      for (const { collection, paths } of pairs)
        if (addCompound(this.db, collection, ...paths)) touched.add(collection);
      for (const collection of touched) this.retrigger(collection);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Recreates the triggers of a collection's table after its side or compound tables changed. */
  private retrigger(collection: number): void {
    installTriggers(
      this.db,
      `d${collection}`,
      this.sideTables(collection),
      compoundTriggers(compoundTables(this.db, collection)),
    );
  }

  forget(): void {
    this.tables.clear();
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
    const sides = new Map(this.sideTables(row.id).map((s) => [s.path, s.table]));
    const info = {
      id: row.id,
      table: `d${row.id}`,
      indexes,
      sides,
      compounds: compoundTables(this.db, row.id),
    };
    this.tables.set(name, info);
    return info;
  }

  private sideTables(collection: number): SideTable[] {
    return (
      this.db
        .prepare('SELECT id, path FROM _rs_sides WHERE collection = ? ORDER BY id')
        .all(collection) as Array<{
        id: number;
        path: string;
      }>
    ).map((s) => ({ id: s.id, path: s.path, table: `d${collection}_s${s.id}` }));
  }

  ensure(name: string): TableInfo {
    const found = this.find(name);
    if (found) return found;
    const { lastInsertRowid } = this.db.prepare('INSERT INTO _rs_collections (name) VALUES (?)').run(name);
    this.db.exec(`CREATE TABLE d${lastInsertRowid} (id NOT NULL PRIMARY KEY, doc BLOB NOT NULL)`);
    this.tables.delete(name);
    return this.find(name) as TableInfo;
  }

  /**
   * Whether some document holds an array or object at the indexed path (sticky): then a range's
   * bounds may be met by different elements and a sort reads the document.
   */
  complex(info: TableInfo, path: string): boolean {
    this.complexQuery ??= this.db.prepare('SELECT complex FROM _rs_sides WHERE collection = ? AND path = ?');
    const row = this.complexQuery.get(info.id, path) as { complex: number } | undefined;
    return row === undefined || row.complex === 1;
  }

  createIndex(name: string, index: { name: string; key: IndexKey; unique: boolean }): void {
    const info = this.ensure(name);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO _rs_indexes (collection, name, key, is_unique) VALUES (?, ?, ?, ?)')
      .run(info.id, index.name, JSON.stringify(index.key), index.unique ? 1 : 0);
    if (index.unique) {
      const columns = Object.entries(index.key)
        .map(([path, direction]) => `${indexExpression(path)}${direction === -1 ? ' DESC' : ''}`)
        .join(', ');
      this.db.exec(`CREATE UNIQUE INDEX d${info.id}_x${lastInsertRowid} ON ${info.table} (${columns})`);
    }
    const added = Object.keys(index.key).filter((path) => path !== '_id' && !info.sides.has(path));
    for (const path of added) {
      const { lastInsertRowid: sideId } = this.db
        .prepare('INSERT INTO _rs_sides (collection, path) VALUES (?, ?)')
        .run(info.id, path);
      createSideTable(this.db, info.table, { id: Number(sideId), path, table: `d${info.id}_s${sideId}` });
    }
    const pair = compoundPaths(index.key, index.unique);
    const compound = pair !== undefined && addCompound(this.db, info.id, ...pair);
    if (added.length > 0 || compound) this.retrigger(info.id);
    this.tables.delete(name);
  }

  dropIndex(name: string, indexName: string): void {
    const info = this.find(name);
    const index = info?.indexes.find((i) => i.name === indexName);
    if (!info || !index) throw new NotFoundError('index', indexName);
    if (index.unique) this.db.exec(`DROP INDEX ${index.physical}`);
    this.db.prepare('DELETE FROM _rs_indexes WHERE collection = ? AND name = ?').run(info.id, indexName);
    const rest = info.indexes.filter((i) => i !== index);
    const stillIndexed = new Set(rest.flatMap((i) => Object.keys(i.key)));
    const stillPaired = new Set(
      rest.map((i) => compoundPaths(i.key, i.unique)?.join('\0')).filter((p) => p !== undefined),
    );
    let removed = false;
    for (const compound of info.compounds) {
      if (stillPaired.has(`${compound.first}\0${compound.second}`)) continue;
      this.db.exec(`DROP TABLE ${compound.table}`);
      this.db.prepare('DELETE FROM _rs_compounds WHERE id = ?').run(compound.id);
      removed = true;
    }
    for (const [path, side] of info.sides) {
      if (stillIndexed.has(path)) continue;
      this.db.exec(`DROP TABLE ${side}`);
      this.db.prepare('DELETE FROM _rs_sides WHERE collection = ? AND path = ?').run(info.id, path);
      removed = true;
    }
    if (removed) this.retrigger(info.id);
    this.tables.delete(name);
  }

  drop(name: string): void {
    const info = this.find(name);
    if (!info) return;
    for (const side of info.sides.values()) this.db.exec(`DROP TABLE ${side}`);
    for (const compound of info.compounds) this.db.exec(`DROP TABLE ${compound.table}`);
    this.db.exec(`DROP TABLE ${info.table}`);
    this.db.prepare('DELETE FROM _rs_sides WHERE collection = ?').run(info.id);
    this.db.prepare('DELETE FROM _rs_compounds WHERE collection = ?').run(info.id);
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
