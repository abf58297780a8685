import type { DatabaseSync } from 'node:sqlite';
import { jsonPath } from './sqlite-json-path';
import { SIDE_VALUE, changedAt, type TriggerStatements } from './sqlite-sides';

/**
 * A two-field index a collection declares (`{ first: 1, second: 1 }`, not unique, no `_id`) and its
 * compound side table: one row `(a, b, id, rid)` per scalar value `a` at the first path (array
 * elements alike) of a document, with the scalar `b` at the second path (NULL when missing, null,
 * an array or an object), the document's `_id` and rowid. Its index `(a, b, id, rid)` gives the
 * documents with one first-path value in the order of the second path, `_id` breaking ties: a
 * sorted page is read in index order without looking at the other matches.
 */
export interface CompoundTable {
  id: number;
  first: string;
  second: string;
  table: string;
}

/** The paths of an index that gets a compound side table, if it does. */
export function compoundPaths(key: Record<string, unknown>, unique: boolean): [string, string] | undefined {
  const paths = Object.keys(key);
  if (unique || paths.length !== 2 || paths.includes('_id')) return undefined;
  return paths[0] === paths[1] ? undefined : (paths as [string, string]);
}

/** The sort value at `path` as the side tables hold it; NULL for what they do not (arrays, objects). */
const sortValue = (doc: string, path: string): string => {
  const p = jsonPath(path);
  return `CASE json_type(${doc}, ${p}) WHEN 'true' THEN x'01' WHEN 'false' THEN x'00' WHEN 'array' THEN NULL WHEN 'object' THEN NULL ELSE json_extract(${doc}, ${p}) END`;
};

/** Rows `(a, b, id, rid)` of one document (`doc`, `id`, `rid` as SQL expressions). */
const compoundRows = (compound: CompoundTable, doc: string, id: string, rid: string): string => {
  const p = jsonPath(compound.first);
  return (
    `SELECT DISTINCT ${SIDE_VALUE('e')}, ${sortValue(doc, compound.second)}, ${id}, ${rid} ` +
    `FROM json_each(${doc}, ${p}) AS e WHERE json_type(${doc}, ${p}) <> 'object' AND e.type NOT IN ('null', 'array', 'object')`
  );
};

/** Creates a compound side table and fills it from the documents already in `table`. */
export function createCompoundTable(db: DatabaseSync, table: string, compound: CompoundTable): void {
  const rows = compoundRows(compound, 't.doc', 't.id', 't.rowid').replace(' FROM ', ` FROM ${table} AS t, `);
  db.exec(`
    CREATE TABLE ${compound.table} (a NOT NULL, b, id NOT NULL, rid INTEGER NOT NULL);
    INSERT INTO ${compound.table} (a, b, id, rid) ${rows};
    CREATE INDEX ${compound.table}_k ON ${compound.table} (a, b, id, rid);
    CREATE INDEX ${compound.table}_r ON ${compound.table} (rid);
  `);
}

/** The trigger statements that keep the compound tables in step, per kind of write. */
export function compoundTriggers(compounds: readonly CompoundTable[]): TriggerStatements {
  const insert = (c: CompoundTable) =>
    `INSERT INTO ${c.table} (a, b, id, rid) ${compoundRows(c, 'new.doc', 'new.id', 'new.rowid')}`;
  return {
    insert: compounds.map((c) => `${insert(c)};`),
    remove: compounds.map((c) => `DELETE FROM ${c.table} WHERE rid = old.rowid;`),
    update: compounds.map((c) => {
      const changed = `(${changedAt(c.first)} OR ${changedAt(c.second)})`;
      return `DELETE FROM ${c.table} WHERE rid = old.rowid AND ${changed}; ${insert(c)} AND ${changed};`;
    }),
  };
}

/** The compound tables of a collection, as the catalogue records them. */
export function compoundTables(db: DatabaseSync, collection: number): CompoundTable[] {
  return (
    db
      .prepare('SELECT id, first, second FROM _rs_compounds WHERE collection = ? ORDER BY id')
      .all(collection) as Array<{ id: number; first: string; second: string }>
  ).map((c) => ({ ...c, table: `d${collection}_c${c.id}` }));
}

/** Records and builds the compound table of an index on `first` then `second`, unless there is one. */
export function addCompound(db: DatabaseSync, collection: number, first: string, second: string): boolean {
  const exists = db
    .prepare('SELECT 1 FROM _rs_compounds WHERE collection = ? AND first = ? AND second = ?')
    .get(collection, first, second);
  if (exists) return false;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO _rs_compounds (collection, first, second) VALUES (?, ?, ?)')
    .run(collection, first, second);
  createCompoundTable(db, `d${collection}`, {
    id: Number(lastInsertRowid),
    first,
    second,
    table: `d${collection}_c${lastInsertRowid}`,
  });
  return true;
}
