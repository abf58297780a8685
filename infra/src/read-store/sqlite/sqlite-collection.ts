import { randomUUID } from 'node:crypto';
import type {
  BulkWriteOperation,
  BulkWriteResult,
  DeleteResult,
  Filter,
  FindOneOptions,
  FindOptions,
  IndexDescription,
  IndexKey,
  InsertManyResult,
  InsertOneResult,
  NewDocument,
  PipelineStage,
  ReadCollection,
  ReadDocument,
  SortSpec,
  UpdateOperators,
  UpdateOptions,
  UpdateResult,
} from '../read-store.port';

import { applyProjection } from '../sql/apply-projection';
import { NumberedParams } from '../sql/sql-params';
import { translateFilter } from '../sql/translate-filter';
import { translatePipeline } from '../sql/translate-pipeline';
import { orderBy } from '../sql/translate-sort';
import { cloneDocument } from '../validation/plain-value';
import { validateBulk } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions, validateIndex, validateUpsertOption } from '../validation/validate-options';
import { validatePipeline } from '../validation/validate-pipeline';
import { validateUpdate } from '../validation/validate-update';
import { ValidationError } from '@hotline/contracts';
import type { TableInfo } from './sqlite-catalogue';
import { sqliteDialect } from './sqlite-dialect';
import { rowScope } from './sqlite-row-scope';
import type { SqliteReadStore } from './sqlite-read-store';
import { SqliteWrites } from './sqlite-writes';

type Doc = Record<string, unknown>;

/** One collection of the SQLite read store: a table `(id, doc)` named in the catalogue. */
export class SqliteCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  private readonly writes: SqliteWrites;

  constructor(
    readonly name: string,
    private readonly store: SqliteReadStore,
  ) {
    this.writes = new SqliteWrites(name, store);
  }

  private table(): TableInfo | undefined {
    this.store.assertOpen();
    return this.store.catalogue.find(this.name);
  }

  /** `WHERE …` over the table's rows, its parameters in `params`. */
  private where(info: TableInfo, filter: Filter, params: NumberedParams): string {
    const predicate = translateFilter(filter, rowScope(info, this.store.catalogue), params);
    return predicate === '1 = 1' ? '' : ` WHERE ${predicate}`;
  }

  private order(info: TableInfo, sort: SortSpec | undefined): string {
    return sort ? ` ${orderBy(sort, rowScope(info, this.store.catalogue))}` : '';
  }

  async find<R extends object = T>(filter: Filter = {}, options?: FindOptions): Promise<R[]> {
    validateFilter(filter);
    const { sort, skip, limit, projection } = validateFindOptions(options);
    const info = this.table();
    if (!info) return [];
    const params = new NumberedParams();
    const where = this.where(info, filter, params);
    const page = limit !== undefined || skip !== undefined ? ` ${sqliteDialect.limit(limit, skip)}` : '';
    const sql = `SELECT json(doc) AS doc FROM ${info.table}${where}${this.order(info, sort)}${page}`;
    const rows = this.store.statement(sql).all(...params.values) as Array<{ doc: string }>;
    return rows.map((row) => applyProjection(JSON.parse(row.doc) as Doc, projection) as R);
  }

  /**
   * SQLite's query plan (EXPLAIN QUERY PLAN details) of `find` and of `countDocuments` with the same
   * filter: how a test proves that a query shape is answered from indexes.
   */
  async explain(filter: Filter, options?: FindOptions): Promise<{ find: string[]; count: string[] }> {
    validateFilter(filter);
    const { sort, skip, limit } = validateFindOptions(options);
    const info = this.table();
    if (!info) return { find: [], count: [] };
    const plan = (sql: string, values: unknown[]) =>
      (
        this.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(values as string[])) as Array<{
          detail: string;
        }>
      ).map((row) => row.detail);
    const params = new NumberedParams();
    const where = this.where(info, filter, params);
    const page = limit !== undefined || skip !== undefined ? ` ${sqliteDialect.limit(limit, skip)}` : '';
    return {
      find: plan(
        `SELECT json(doc) AS doc FROM ${info.table}${where}${this.order(info, sort)}${page}`,
        params.values,
      ),
      count: plan(`SELECT count(*) AS n FROM ${info.table}${where}`, params.values),
    };
  }

  async findOne<R extends object = T>(filter: Filter = {}, options?: FindOneOptions): Promise<R | null> {
    const [first] = await this.find<R>(filter, { ...validateFindOptions(options), limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    const info = this.table();
    if (!info) return 0;
    const params = new NumberedParams();
    const sql = `SELECT count(*) AS n FROM ${info.table}${this.where(info, filter, params)}`;
    return (this.store.statement(sql).get(...params.values) as { n: number }).n;
  }

  async aggregate<R extends object = Doc>(pipeline: PipelineStage[]): Promise<R[]> {
    validatePipeline(pipeline);
    const info = this.table();
    if (!info) return [];
    const params = new NumberedParams();
    const sql = translatePipeline(
      pipeline,
      {
        select: (match, sort, p) => {
          const ord = sort
            ? `row_number() OVER (${orderBy(sort, rowScope(info, this.store.catalogue))})`
            : 'NULL';
          return `SELECT doc, ${ord} AS ord FROM ${info.table}${match ? this.where(info, match, p as NumberedParams) : ''}`;
        },
      },
      sqliteDialect,
      params,
    );
    const rows = this.store.statement(sql).all(...params.values) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as R);
  }

  async insertOne(document: NewDocument<T>): Promise<InsertOneResult> {
    const doc = withId(cloneDocument(document, 'document'));
    await this.store.writable();
    this.store.transaction(() => this.writes.insert(doc));
    return { insertedId: doc._id as string };
  }

  async insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult> {
    if (!Array.isArray(documents)) throw new ValidationError('documents', 'must be an array');
    const docs = documents.map((d, i) => withId(cloneDocument(d, `documents[${i}]`)));
    if (docs.length === 0) return { insertedCount: 0, insertedIds: [] };
    await this.store.writable();
    this.writes.ordered(docs.map((doc) => () => this.writes.insert(doc)));
    return { insertedCount: docs.length, insertedIds: docs.map((d) => d._id as string) };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, false);
  }

  async updateMany(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, true);
  }

  private async update(
    filter: Filter,
    update: UpdateOperators,
    options: UpdateOptions | undefined,
    many: boolean,
  ): Promise<UpdateResult> {
    validateFilter(filter);
    const checked = validateUpdate(update);
    const upsert = validateUpsertOption(options);
    await this.store.writable();
    return this.store.transaction(() => this.writes.update(filter, checked, upsert, many));
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    await this.store.writable();
    return { deletedCount: this.store.transaction(() => this.writes.delete(filter, false)) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    await this.store.writable();
    return { deletedCount: this.store.transaction(() => this.writes.delete(filter, true)) };
  }

  async bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult> {
    const checked = validateBulk(operations);
    await this.store.writable();
    const result: BulkWriteResult = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
      deletedCount: 0,
    };
    this.writes.ordered(
      checked.map((op) => () => {
        switch (op.kind) {
          case 'insertOne':
            this.writes.insert(withId(op.document));
            result.insertedCount++;
            return;
          case 'updateOne':
          case 'updateMany': {
            const r = this.writes.update(op.filter, op.update, op.upsert, op.kind === 'updateMany');
            result.matchedCount += r.matchedCount;
            result.modifiedCount += r.modifiedCount;
            if (r.upsertedId !== null) result.upsertedCount++;
            return;
          }
          case 'deleteOne':
          case 'deleteMany':
            result.deletedCount += this.writes.delete(op.filter, op.kind === 'deleteMany');
        }
      }),
    );
    return result;
  }

  async createIndex(key: IndexKey, options?: { unique?: boolean; name?: string }): Promise<string> {
    const index = validateIndex(key, options);
    await this.store.writable();
    const existing = this.table()?.indexes.find((i) => i.name === index.name);
    if (existing) {
      if (JSON.stringify(existing.key) === JSON.stringify(index.key) && existing.unique === index.unique)
        return index.name;
      throw new ValidationError('options.name', `index ${index.name} exists with another key or options`);
    }
    this.store.transaction(() => this.writes.createIndex(index));
    return index.name;
  }

  async dropIndex(name: string): Promise<void> {
    await this.store.writable();
    this.store.transaction(() => this.store.catalogue.dropIndex(this.name, name));
  }

  async listIndexes(): Promise<IndexDescription[]> {
    const info = this.table();
    if (!info) return [];
    return [
      { name: '_id_', key: { _id: 1 }, unique: true },
      ...info.indexes.map(({ name, key, unique }) => ({ name, key, unique })),
    ];
  }

  async drop(): Promise<void> {
    await this.store.writable();
    this.store.transaction(() => this.store.catalogue.drop(this.name));
  }
}

/** A document to insert, with `_id` first (a random UUID when it has none). */
function withId(doc: Doc): Doc {
  if (doc._id !== undefined) return doc;
  return { _id: randomUUID(), ...doc };
}
