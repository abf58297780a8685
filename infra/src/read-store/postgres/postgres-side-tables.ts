import type { Executor } from './postgres-catalogue';
import { jsonAt } from './postgres-json-path';

/** A declared path's side table: one row `(v, id)` per distinct value there (per element of an array). */
export interface SideTable {
  path: string;
  table: string;
}

/**
 * Side tables, the narrow copies that counts read instead of the documents. Every declared path
 * (not `_id`) of a collection has one, `rs_d<n>_s<k> (v jsonb, id jsonb)`, its rows the values at
 * the path (the elements when it holds an array, so that a value among an array's elements is
 * found as MongoDB finds it), kept by triggers on the documents' table in the same transaction as
 * the document's write. Its B-trees `(v, id)` and `(id, v)` hold every column, so a count is an
 * index-only scan: the table's heap is read only for pages that the visibility map does not mark
 * all-visible, and the documents' heap never.
 *
 * The SQL keeps to what openGauss and KingbaseES share with PostgreSQL 9.2 (ADR 0009): PL/pgSQL
 * triggers with `EXECUTE PROCEDURE`, no `ON CONFLICT`, no `LATERAL`, no `WITH ORDINALITY`, and
 * transition tables (PostgreSQL 10) only where the server reports having them.
 */

/** The values a document holds at `path` of `doc`: the elements of an array, else the value itself, none when missing. */
const valuesAt = (doc: string, path: string): string => {
  const at = jsonAt(doc, path);
  return `jsonb_array_elements(CASE WHEN jsonb_typeof(${at}) = 'array' THEN ${at} WHEN ${at} IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(${at}) END)`;
};

const idOf = (doc: string): string => jsonAt(doc, '_id');

/**
 * Autovacuum per side table: a count's index-only scan skips the heap only on pages the visibility
 * map marks all-visible, and a read model's writes clear those marks all day; vacuuming after 1 %
 * of the rows changed (the default waits for 20 %) keeps the map current. `insertScale` adds the
 * same threshold for inserts (PostgreSQL 13; the servers without the setting rely on the updates').
 */
const sideStorage = (insertScale: boolean): string =>
  `WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02${
    insertScale ? ', autovacuum_vacuum_insert_scale_factor = 0.01' : ''
  })`;

/** What the server offers side tables beyond PostgreSQL 9.2. */
export interface SideFeatures {
  /** `autovacuum_vacuum_insert_scale_factor` (PostgreSQL 13). */
  insertVacuum: boolean;
  /** Statement triggers with transition tables (PostgreSQL 10; not openGauss, which reports 9.2). */
  statements: boolean;
}

export async function sideFeatures(x: Executor): Promise<SideFeatures> {
  const [row] = await x.query<{ insert_vacuum: boolean; version: number }>(
    "SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'autovacuum_vacuum_insert_scale_factor') AS insert_vacuum, current_setting('server_version_num')::int AS version",
  );
  return { insertVacuum: row?.insert_vacuum === true, statements: Number(row?.version ?? 0) >= 100000 };
}

/**
 * Creates `side` for `path` of the documents in `docs`, filled from the documents already there by
 * one `INSERT … SELECT`, its B-trees built after the fill (a sorted build each, rather than one
 * insertion per row: what a rebuild's end pays for every declared path).
 */
export async function createSideTable(
  x: Executor,
  docs: string,
  side: SideTable,
  insertScale: boolean,
): Promise<void> {
  await x.query(
    `CREATE TABLE ${side.table} (v jsonb NOT NULL, id jsonb NOT NULL) ${sideStorage(insertScale)}`,
  );
  await x.query(
    // A set-returning function in the select list rather than LATERAL, which not every such server has.
    // In key order: the primary key's build then finds its input sorted (one pass, no second sort).
    `INSERT INTO ${side.table} (v, id) SELECT DISTINCT e.v, e.id FROM (SELECT ${valuesAt('d.doc', side.path)} AS v, ${idOf('d.doc')} AS id FROM ${docs} AS d) AS e ORDER BY e.v, e.id`,
  );
  await x.query(`ALTER TABLE ${side.table} ADD PRIMARY KEY (v, id)`);
  await x.query(`CREATE INDEX ${side.table}_id ON ${side.table} (id, v)`);
}

// A scalar (most declared paths) is one plain row; only an array is walked and its repeats dropped.
const insertRows = (side: SideTable): string => {
  const at = jsonAt('NEW.doc', side.path);
  return `IF jsonb_typeof(${at}) = 'array' THEN INSERT INTO ${side.table} (v, id) SELECT DISTINCT e.v, ${idOf('NEW.doc')} FROM jsonb_array_elements(${at}) AS e(v); ELSIF ${at} IS NOT NULL THEN INSERT INTO ${side.table} (v, id) VALUES (${at}, ${idOf('NEW.doc')}); END IF;`;
};

const deleteRows = (side: SideTable): string => `DELETE FROM ${side.table} WHERE id = ${idOf('OLD.doc')};`;

const statementSql = (side: SideTable) => {
  const changed = `FROM rs_new AS n JOIN rs_old AS o ON ${idOf('o.doc')} = ${idOf('n.doc')} WHERE ${jsonAt('o.doc', side.path)} IS DISTINCT FROM ${jsonAt('n.doc', side.path)}`;
  const insertFrom = (from: string) =>
    `INSERT INTO ${side.table} (v, id) SELECT DISTINCT e.v, e.id FROM (SELECT ${valuesAt('n.doc', side.path)} AS v, ${idOf('n.doc')} AS id ${from}) AS e;`;
  return {
    insert: insertFrom('FROM rs_new AS n'),
    delete: `DELETE FROM ${side.table} WHERE id IN (SELECT ${idOf('o.doc')} FROM rs_old AS o);`,
    // An update never changes `_id` (the port refuses it): old and new rows pair by it.
    update: `DELETE FROM ${side.table} WHERE id IN (SELECT ${idOf('n.doc')} ${changed}); ${insertFrom(changed)}`,
  };
};

const rowSql = (side: SideTable) => ({
  insert: insertRows(side),
  delete: deleteRows(side),
  update: `IF ${jsonAt('OLD.doc', side.path)} IS DISTINCT FROM ${jsonAt('NEW.doc', side.path)} OR ${idOf('OLD.doc')} <> ${idOf('NEW.doc')} THEN ${deleteRows(side)} ${insertRows(side)} END IF;`,
});

/**
 * (Re)writes the trigger function of the documents' table `docs` so that it keeps every side table
 * in `sides`, and creates its triggers once. An update rewrites a side table's rows only where the
 * value at its path changed: most writes of a read model touch a few paths. With `statements`
 * (transition tables, PostgreSQL 10) a statement's rows are written to each side table by one
 * statement, so a projection's folded batch costs a few statements, not a few per document; the
 * servers without them (openGauss) get a row trigger doing the same per document.
 */
export async function writeSideTrigger(
  x: Executor,
  docs: string,
  sides: readonly SideTable[],
  statements: boolean,
): Promise<void> {
  const sql = sides.map(statements ? statementSql : rowSql);
  const body = [
    "IF TG_OP = 'INSERT' THEN",
    ...sql.map((s) => s.insert),
    "ELSIF TG_OP = 'DELETE' THEN",
    ...sql.map((s) => s.delete),
    'ELSE',
    ...sql.map((s) => s.update),
    'END IF;',
  ].join('\n');
  await x.query(
    `CREATE OR REPLACE FUNCTION ${docs}_sync() RETURNS trigger LANGUAGE plpgsql AS $rs_sync$\nBEGIN\n${
      sides.length === 0 ? '' : `${body}\n`
    }RETURN NULL;\nEND\n$rs_sync$`,
  );
  const [exists] = await x.query(
    'SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE $1 AND pg_catalog.pg_table_is_visible(c.oid)',
    [`${docs}\\_sync%`],
  );
  if (exists) return;
  const run = `EXECUTE PROCEDURE ${docs}_sync()`;
  if (!statements) {
    await x.query(
      `CREATE TRIGGER ${docs}_sync AFTER INSERT OR UPDATE OR DELETE ON ${docs} FOR EACH ROW ${run}`,
    );
    return;
  }
  // A trigger with transition tables has one event.
  await x.query(
    `CREATE TRIGGER ${docs}_sync_i AFTER INSERT ON ${docs} REFERENCING NEW TABLE AS rs_new FOR EACH STATEMENT ${run}`,
  );
  await x.query(
    `CREATE TRIGGER ${docs}_sync_u AFTER UPDATE ON ${docs} REFERENCING OLD TABLE AS rs_old NEW TABLE AS rs_new FOR EACH STATEMENT ${run}`,
  );
  await x.query(
    `CREATE TRIGGER ${docs}_sync_d AFTER DELETE ON ${docs} REFERENCING OLD TABLE AS rs_old FOR EACH STATEMENT ${run}`,
  );
}

/** Drops the trigger function of `docs` (its triggers go with it, or with the table). */
export async function dropSideTrigger(x: Executor, docs: string): Promise<void> {
  await x.query(`DROP FUNCTION IF EXISTS ${docs}_sync() CASCADE`);
}
