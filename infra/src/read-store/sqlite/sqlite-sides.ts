import type { DatabaseSync } from 'node:sqlite';
import { jsonPath } from './sqlite-json-path';

/** One indexed path of a collection and the side table that holds its values. */
export interface SideTable {
  id: number;
  path: string;
  table: string;
}

/** Element values of the side tables: booleans as one-byte blobs, apart from the numbers 1 and 0. */
export const SIDE_VALUE = (alias: string): string =>
  `CASE ${alias}.type WHEN 'true' THEN x'01' WHEN 'false' THEN x'00' ELSE ${alias}.atom END`;

/** The scalar values at a path that a side table holds: not nulls, not nested arrays or objects. */
const SIDE_TYPES = `NOT IN ('null', 'array', 'object')`;

/**
 * Rows `(v, rid)` for the values at `path` of the document `doc` whose rowid is `rid`: the scalar
 * there, or each distinct scalar element of the array there. An object at the path gives none
 * (json_each would walk its members).
 */
const sideRows = (doc: string, path: string, rid: string): string => {
  const p = jsonPath(path);
  return `SELECT ${SIDE_VALUE('e')}, ${rid} FROM json_each(${doc}, ${p}) AS e WHERE json_type(${doc}, ${p}) <> 'object' AND e.type ${SIDE_TYPES}`;
};

/** Marks the path as holding arrays or objects somewhere (sticky): ranges and sorts then read differently. */
const markComplex = (side: SideTable, doc: string): string =>
  `UPDATE _rs_sides SET complex = 1 WHERE id = ${side.id} AND complex = 0 AND json_type(${doc}, ${jsonPath(side.path)}) IN ('array', 'object');`;

/**
 * Creates the side table of an indexed path and fills it from the documents already there. A side
 * table is the one way an indexed path is queried: equality, `$in` and ranges probe or scan it by
 * value (primary key `(v, rid)`), sorts and other conditions look a row's value up by rowid
 * (index `(rid, v)`); scalars and array elements alike, so an equality is never an OR of two ways.
 */
export function createSideTable(db: DatabaseSync, table: string, side: SideTable): void {
  db.exec(`
    CREATE TABLE ${side.table} (v NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (v, rid)) WITHOUT ROWID;
    CREATE INDEX ${side.table}_r ON ${side.table} (rid, v);
    INSERT OR IGNORE INTO ${side.table} (v, rid) ${sideRows('t.doc', side.path, 't.rowid').replace(' FROM ', ` FROM ${table} AS t, `)};
    UPDATE _rs_sides SET complex = EXISTS (SELECT 1 FROM ${table} WHERE json_type(doc, ${jsonPath(side.path)}) IN ('array', 'object')) WHERE id = ${side.id};
  `);
}

/** Whether the value at `path` differs between `old.doc` and `new.doc` (in an update trigger). */
export const changedAt = (path: string): string => {
  const p = jsonPath(path);
  // json_extract gives scalars without rendering JSON text (1 and true alike: json_type tells them apart).
  return `(json_extract(old.doc, ${p}) IS NOT json_extract(new.doc, ${p}) OR json_type(old.doc, ${p}) IS NOT json_type(new.doc, ${p}))`;
};

/** Further trigger statements per kind of write (the compound side tables'). */
export interface TriggerStatements {
  insert: string[];
  remove: string[];
  update: string[];
}

/**
 * One trigger per table and kind of write (not one per indexed path) keeps the side tables in step
 * with the documents; an update rewrites only the side tables of the paths whose value changed.
 * Recreated whenever the set of indexed paths changes.
 */
export function installTriggers(
  db: DatabaseSync,
  table: string,
  sides: readonly SideTable[],
  more: TriggerStatements = { insert: [], remove: [], update: [] },
): void {
  db.exec(
    `DROP TRIGGER IF EXISTS ${table}_ai; DROP TRIGGER IF EXISTS ${table}_ad; DROP TRIGGER IF EXISTS ${table}_au;`,
  );
  if (sides.length === 0) return;
  const changed = (side: SideTable): string => changedAt(side.path);
  const onInsert = sides.map(
    (s) =>
      `INSERT OR IGNORE INTO ${s.table} (v, rid) ${sideRows('new.doc', s.path, 'new.rowid')}; ${markComplex(s, 'new.doc')}`,
  );
  const onDelete = sides.map((s) => `DELETE FROM ${s.table} WHERE rid = old.rowid;`);
  const onUpdate = sides.map(
    (s) =>
      `DELETE FROM ${s.table} WHERE rid = old.rowid AND ${changed(s)}; ` +
      `INSERT OR IGNORE INTO ${s.table} (v, rid) ${sideRows('new.doc', s.path, 'new.rowid')} AND ${changed(s)}; ` +
      markComplex(s, 'new.doc').replace(/;$/, ` AND ${changed(s)};`),
  );
  db.exec(`
    CREATE TRIGGER ${table}_ai AFTER INSERT ON ${table} BEGIN ${[...onInsert, ...more.insert].join(' ')} END;
    CREATE TRIGGER ${table}_ad AFTER DELETE ON ${table} BEGIN ${[...onDelete, ...more.remove].join(' ')} END;
    CREATE TRIGGER ${table}_au AFTER UPDATE OF doc ON ${table} BEGIN ${[...onUpdate, ...more.update].join(' ')} END;
  `);
}

/**
 * Files written before side tables held scalars (format 1: side tables of array elements only,
 * three triggers per indexed path, an expression index per declared index) are brought to the
 * current layout in one transaction when opened: the side tables are rebuilt from the documents,
 * non-unique expression indexes dropped (unique ones still enforce uniqueness). Nothing else in
 * the file changes, so projections resume from their checkpoints.
 */
export function migrateSides(db: DatabaseSync): void {
  const columns = db.prepare('PRAGMA table_info(_rs_sides)').all() as Array<{ name: string }>;
  if (columns.some((c) => c.name === 'complex')) return;
  db.exec('BEGIN');
  try {
    db.exec('ALTER TABLE _rs_sides ADD COLUMN complex INTEGER NOT NULL DEFAULT 0');
    const rows = db.prepare('SELECT id, collection, path FROM _rs_sides ORDER BY id').all() as Array<{
      id: number;
      collection: number;
      path: string;
    }>;
    for (const row of rows) {
      const table = `d${row.collection}_s${row.id}`;
      db.exec(
        `DROP TRIGGER IF EXISTS ${table}_ai; DROP TRIGGER IF EXISTS ${table}_ad; DROP TRIGGER IF EXISTS ${table}_au; DROP TABLE IF EXISTS ${table};`,
      );
    }
    const plain = db.prepare('SELECT id, collection FROM _rs_indexes WHERE is_unique = 0').all() as Array<{
      id: number;
      collection: number;
    }>;
    for (const index of plain) db.exec(`DROP INDEX IF EXISTS d${index.collection}_x${index.id}`);
    const collections = new Set(rows.map((r) => r.collection));
    for (const collection of collections) {
      const table = `d${collection}`;
      const sides = rows
        .filter((r) => r.collection === collection)
        .map((r) => ({ id: r.id, path: r.path, table: `d${collection}_s${r.id}` }));
      for (const side of sides) createSideTable(db, table, side);
      installTriggers(db, table, sides);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
