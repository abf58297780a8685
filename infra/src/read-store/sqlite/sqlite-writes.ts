import { randomUUID } from 'node:crypto';
import { HotlineError, ValidationError } from '@hotline/contracts';
import type { Filter, IndexKey, UpdateOperators, UpdateResult } from '../read-store.port';
import { DuplicateKeyError } from '../read-store.errors';
import { NumberedParams } from '../sql/sql-params';
import { translateUpdate } from '../sql/translate-update';
import { insertedDocument, upsertSeed } from '../upsert-seed';
import type { TableInfo } from './sqlite-catalogue';
import { sqliteDialect } from './sqlite-dialect';
import type { SqliteReadStore } from './sqlite-read-store';
import { SqliteQuery } from './sqlite-query';

type Doc = Record<string, unknown>;

const UNIQUE = /UNIQUE constraint failed: (?:index '([^']+)'|(\w+)\.id)/;

const CONFLICT_REASON = {
  inc: 'cannot increment a field that is not a number',
  push: 'cannot push onto a field that is not an array',
};

const OPTIMIZE_EVERY = 50_000;

/** Whether an update left the stored JSONB unchanged. */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/**
 * The `_id` of an update whose filter is that `_id` alone (`{ _id: x }` or `{ _id: { $eq: x } }`)
 * and that sets no other `_id` on insert; undefined for any other update.
 */
function idOnly(filter: Filter, update: UpdateOperators): string | number | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id' || update.$setOnInsert?._id !== undefined) return undefined;
  let id = filter._id;
  if (typeof id === 'object' && id !== null && Object.keys(id).length === 1 && '$eq' in id) id = id.$eq;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

/**
 * Whether an update of a stored document is only `$set` and `$inc` of top-level fields (and
 * `$setOnInsert`, which does nothing to a stored document): what a counter's write is, and what
 * `applyInPlace` computes without the SQL translation.
 */
function topLevelSetInc(update: UpdateOperators): boolean {
  for (const op in update) {
    if (op !== '$set' && op !== '$inc' && op !== '$setOnInsert') return false;
    if (op === '$setOnInsert') continue;
    for (const path in update[op]) if (path.includes('.') || path === '__proto__') return false;
  }
  return true;
}

/** The synchronous writes of one collection; callers wrap them in the store's transaction. */
export class SqliteWrites {
  constructor(
    private readonly name: string,
    private readonly store: SqliteReadStore,
  ) {}

  private get catalogue() {
    return this.store.catalogue;
  }

  /** A unique-constraint failure as the port's DuplicateKeyError; other errors unchanged. */
  private mapError(error: unknown, info: TableInfo | undefined, operationIndex?: number): unknown {
    // Not `instanceof Error`: node:sqlite's errors come from another realm under Jest.
    const message = (error as { message?: unknown } | null)?.message;
    const match = typeof message === 'string' ? UNIQUE.exec(message) : null;
    if (!match) return error;
    const index = match[1] !== undefined && info ? this.catalogue.indexNamed(info, match[1]) : '_id_';
    return new DuplicateKeyError(this.name, index, operationIndex);
  }

  private run<R>(info: TableInfo | undefined, work: () => R): R {
    // Planner statistics follow the data as it grows (a rebuild starts from empty tables); with
    // analysis_limit this takes milliseconds.
    if (++this.catalogue.generation % OPTIMIZE_EVERY === 0) this.store.db.exec('PRAGMA optimize');
    try {
      return work();
    } catch (error) {
      throw this.mapError(error, info);
    }
  }

  insert(doc: Doc, info = this.catalogue.ensure(this.name)): void {
    this.run(info, () =>
      this.store
        .statement(`INSERT INTO ${info.table} (id, doc) VALUES (?, jsonb(?))`)
        .run(doc._id as string, JSON.stringify(doc)),
    );
  }

  update(filter: Filter, update: UpdateOperators, upsert: boolean, many: boolean): UpdateResult {
    const info = upsert ? this.catalogue.ensure(this.name) : this.catalogue.find(this.name);
    if (!info) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    // An update by `_id` alone (a projection's counter cell, its case fact) reads its document by
    // primary key: not there, an upsert is an insert; there, `$set` and `$inc` are applied to it here
    // (the same rules as the SQL translation below, which costs more than the write for such a write).
    const id = many ? undefined : idOnly(filter, update);
    if (id !== undefined) {
      const row = this.store
        .statement(`SELECT rowid AS r, json(doc) AS doc FROM ${info.table} WHERE id = ?`)
        .get(id) as { r: number; doc: string } | undefined;
      if (!row && !upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      if (!row) {
        // The seed is the `_id` alone: no need to walk and clone the filter for it.
        const doc = insertedDocument({ _id: id }, update as Record<string, Record<string, unknown>>);
        this.insert(doc, info);
        return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
      }
      if (topLevelSetInc(update)) return this.applyInPlace(info, row, update);
    }
    const params = new NumberedParams();
    const matched = new SqliteQuery(this.store, info).rows(filter, params);
    const change = translateUpdate(update, 't.doc', sqliteDialect, params);
    const conflicts = change.conflicts.map((c, i) => `, ${c.predicate} AS c${i}`).join('');
    const sql = `SELECT t.rowid AS r, t.doc AS doc, ${change.document} AS next${conflicts} FROM ${matched}${many ? '' : ' LIMIT 1'}`;
    const rows = this.store.statement(sql).all(...params.values) as Array<Record<string, unknown>>;
    if (rows.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      return { matchedCount: 0, modifiedCount: 0, upsertedId: this.upsert(info, filter, update) };
    }
    change.conflicts.forEach((c, i) => {
      if (rows.some((row) => row[`c${i}`] === 1))
        throw new ValidationError(
          c.field,
          CONFLICT_REASON[c.field.startsWith('update.$inc') ? 'inc' : 'push'],
        );
    });
    let modified = 0;
    this.run(info, () => {
      const write = this.store.statement(`UPDATE ${info.table} SET doc = ? WHERE rowid = ?`);
      for (const row of rows) {
        if (sameBytes(row.next as Uint8Array, row.doc as Uint8Array)) continue;
        write.run(row.next as Uint8Array, row.r as number);
        modified++;
      }
    });
    return { matchedCount: rows.length, modifiedCount: modified, upsertedId: null };
  }

  /** `$set` and `$inc` of top-level fields applied to a stored document (see `topLevelSetInc`). */
  private applyInPlace(
    info: TableInfo,
    row: { r: number; doc: string },
    update: UpdateOperators,
  ): UpdateResult {
    const doc = JSON.parse(row.doc) as Doc;
    // Checked before anything changes, as the SQL path does: a refused `$inc` writes nothing.
    for (const path in update.$inc) {
      const current = doc[path];
      if (current !== undefined && typeof current !== 'number')
        throw new ValidationError(`update.$inc.${path}`, CONFLICT_REASON.inc);
    }
    let changed = false;
    for (const path in update.$set) {
      const value = update.$set[path];
      const current = doc[path];
      if (
        current === value ||
        (typeof value === 'object' && value !== null && JSON.stringify(current) === JSON.stringify(value))
      )
        continue;
      doc[path] = value;
      changed = true;
    }
    for (const path in update.$inc) {
      const by = update.$inc[path] as number;
      const current = doc[path] as number | undefined;
      if (current !== undefined && by === 0) continue;
      doc[path] = (current ?? 0) + by;
      changed = true;
    }
    if (changed)
      this.run(info, () =>
        this.store
          .statement(`UPDATE ${info.table} SET doc = jsonb(?) WHERE rowid = ?`)
          .run(JSON.stringify(doc), row.r),
      );
    return { matchedCount: 1, modifiedCount: changed ? 1 : 0, upsertedId: null };
  }

  private upsert(info: TableInfo, filter: Filter, update: UpdateOperators): string | number {
    const seed = upsertSeed(filter);
    const id = (update.$setOnInsert?._id ?? seed._id ?? randomUUID()) as string | number;
    // `_id` first, as MongoDB stores it.
    const { _id: _seeded, ...fields } = seed;
    const doc = insertedDocument({ _id: id, ...fields }, update as Record<string, Record<string, unknown>>);
    this.insert(doc, info);
    return id;
  }

  delete(filter: Filter, many: boolean): number {
    const info = this.catalogue.find(this.name);
    if (!info) return 0;
    const params = new NumberedParams();
    const rows = new SqliteQuery(this.store, info).rows(filter, params);
    const target = `SELECT t.rowid FROM ${rows}${many ? '' : ' LIMIT 1'}`;
    return this.run(info, () =>
      Number(
        this.store.statement(`DELETE FROM ${info.table} WHERE rowid IN (${target})`).run(...params.values)
          .changes,
      ),
    );
  }

  createIndex(index: { name: string; key: IndexKey; unique: boolean }): void {
    try {
      this.catalogue.createIndex(this.name, index);
    } catch (error) {
      this.catalogue.forget();
      throw this.mapError(error, undefined);
    }
  }

  /**
   * Runs `operations` in order in one transaction; the first failure stops the rest, the ones
   * before it are committed and the error says which one failed (`operationIndex`).
   */
  ordered(operations: Array<() => void>): void {
    let failure: unknown;
    this.store.transaction(() => {
      for (let i = 0; i < operations.length; i++) {
        try {
          (operations[i] as () => void)();
        } catch (error) {
          failure =
            error instanceof DuplicateKeyError ? new DuplicateKeyError(this.name, error.indexName, i) : error;
          if (!(failure instanceof HotlineError)) throw failure;
          return;
        }
      }
    });
    if (failure !== undefined) throw failure as Error;
  }
}
