import { randomUUID } from 'node:crypto';
import { HotlineError, ValidationError } from '@hotline/contracts';
import { uniqueViolation } from '../../postgres';
import type { Filter, IndexKey, UpdateOperators, UpdateResult } from '../read-store.port';
import { DuplicateKeyError } from '../read-store.errors';
import { NumberedParams } from '../sql/sql-params';
import { translateFilter } from '../sql/translate-filter';
import { translateUpdate } from '../sql/translate-update';
import { insertedDocument, upsertSeed } from '../upsert-seed';
import type { Executor, TableInfo } from './postgres-catalogue';
import { indexExpression } from './postgres-catalogue';
import { postgresDialect } from './postgres-dialect';
import { PostgresDocumentScope } from './postgres-field';
import { savepoint, type PostgresReadStore } from './postgres-read-store';

type Doc = Record<string, unknown>;

const CONFLICT_REASON = {
  inc: 'cannot increment a field that is not a number',
  push: 'cannot push onto a field that is not an array',
};

/** The rows of a collection's table, as the translator sees them. */
export const rows = new PostgresDocumentScope('doc');

const ID = indexExpression('_id');

/** The writes of one collection, on an executor the caller made atomic. */
export class PostgresWrites {
  constructor(
    private readonly name: string,
    private readonly store: PostgresReadStore,
  ) {}

  private get catalogue() {
    return this.store.catalogue;
  }

  /** A unique-index failure as the port's DuplicateKeyError; other errors unchanged. */
  mapError(error: unknown, info: TableInfo | undefined, fallback?: string): unknown {
    const physical = uniqueViolation(error);
    if (physical === undefined) return error;
    const index = (info && this.catalogue.indexNamed(info, physical)) ?? fallback;
    return new DuplicateKeyError(this.name, index);
  }

  async insert(x: Executor, doc: Doc, known?: TableInfo): Promise<void> {
    const info = known ?? (await this.catalogue.ensure(x, this.name));
    try {
      await x.query(`INSERT INTO ${info.table} (doc) VALUES (CAST($1 AS jsonb))`, [JSON.stringify(doc)]);
    } catch (error) {
      throw this.mapError(error, info);
    }
  }

  async update(
    x: Executor,
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): Promise<UpdateResult> {
    const info = upsert ? await this.catalogue.ensure(x, this.name) : await this.catalogue.find(x, this.name);
    if (!info) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    const params = new NumberedParams('$');
    const where = translateFilter(filter, rows, params);
    const change = translateUpdate(update, 'doc', postgresDialect, params);
    const conflicts = change.conflicts.map((c, i) => `, ${c.predicate} AS c${i}`).join('');
    const matched = await x.query<Record<string, unknown>>(
      `SELECT ${ID} AS k, (${change.document}) = doc AS same${conflicts} FROM ${info.table} WHERE ${where}${many ? '' : ' LIMIT 1'} FOR UPDATE`,
      params.values,
    );
    if (matched.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      return { matchedCount: 0, modifiedCount: 0, upsertedId: await this.upsert(x, info, filter, update) };
    }
    change.conflicts.forEach((c, i) => {
      if (matched.some((row) => row[`c${i}`] === true))
        throw new ValidationError(
          c.field,
          CONFLICT_REASON[c.field.startsWith('update.$inc') ? 'inc' : 'push'],
        );
    });
    const changed = matched.filter((row) => row.same !== true).map((row) => row.k);
    if (changed.length > 0) {
      const set = new NumberedParams('$');
      const next = translateUpdate(update, 'doc', postgresDialect, set).document;
      const keys = set.add(JSON.stringify(changed));
      try {
        await x.query(
          `UPDATE ${info.table} SET doc = ${next} WHERE ${ID} IN (SELECT value FROM jsonb_array_elements(CAST(${keys} AS jsonb)))`,
          set.values,
        );
      } catch (error) {
        throw this.mapError(error, info);
      }
    }
    return { matchedCount: matched.length, modifiedCount: changed.length, upsertedId: null };
  }

  private async upsert(
    x: Executor,
    info: TableInfo,
    filter: Filter,
    update: UpdateOperators,
  ): Promise<string | number> {
    const seed = upsertSeed(filter);
    const id = (update.$setOnInsert?._id ?? seed._id ?? randomUUID()) as string | number;
    const { _id: _seeded, ...fields } = seed;
    const doc = insertedDocument({ _id: id, ...fields }, update as Record<string, Record<string, unknown>>);
    await this.insert(x, doc, info);
    return id;
  }

  async delete(x: Executor, filter: Filter, many: boolean): Promise<number> {
    const info = await this.catalogue.find(x, this.name);
    if (!info) return 0;
    const params = new NumberedParams('$');
    const where = translateFilter(filter, rows, params);
    const target = many ? where : `${ID} IN (SELECT ${ID} FROM ${info.table} WHERE ${where} LIMIT 1)`;
    const deleted = await x.query(`DELETE FROM ${info.table} WHERE ${target} RETURNING 1`, params.values);
    return deleted.length;
  }

  async createIndex(x: Executor, index: { name: string; key: IndexKey; unique: boolean }): Promise<void> {
    try {
      await this.catalogue.createIndex(x, this.name, index);
    } catch (error) {
      throw this.mapError(error, undefined, index.name);
    }
  }

  /**
   * Runs `operations` in order in one transaction, each in a savepoint: the first failure stops the
   * rest, the ones before it are committed and the error says which one failed (`operationIndex`).
   */
  async ordered(operations: Array<(x: Executor) => Promise<void>>): Promise<void> {
    let failure: unknown;
    await this.store.atomically(async (x) => {
      for (let i = 0; i < operations.length; i++) {
        try {
          await savepoint(x, 'rs_op', operations[i] as (x: Executor) => Promise<void>);
        } catch (error) {
          this.catalogue.forget();
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
