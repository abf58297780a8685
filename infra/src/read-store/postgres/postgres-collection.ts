import { randomUUID } from 'node:crypto';
import { ValidationError } from '@hotline/contracts';
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
  UpdateOperators,
  UpdateOptions,
  UpdateResult,
} from '../read-store.port';
import { applyProjection } from '../sql/apply-projection';
import { NumberedParams } from '../sql/sql-params';
import { TRUE, translateFilter } from '../sql/translate-filter';
import { translatePipeline } from '../sql/translate-pipeline';
import { orderBy } from '../sql/translate-sort';
import { cloneDocument } from '../validation/plain-value';
import { validateBulk } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions, validateIndex, validateUpsertOption } from '../validation/validate-options';
import { validatePipeline } from '../validation/validate-pipeline';
import { validateUpdate } from '../validation/validate-update';
import type { Executor } from './postgres-catalogue';
import { postgresDialect } from './postgres-dialect';
import type { PostgresReadStore } from './postgres-read-store';
import { PostgresWrites, rows } from './postgres-writes';

type Doc = Record<string, unknown>;

/** `WHERE …` of a filter over a table's rows, its parameters in `params`. */
function where(filter: Filter, params: NumberedParams): string {
  const predicate = translateFilter(filter, rows, params);
  return predicate === TRUE ? '' : ` WHERE ${predicate}`;
}

/** One collection of the PostgreSQL read store: a table `(doc jsonb)` named in the catalogue. */
export class PostgresCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  private readonly writes: PostgresWrites;

  constructor(
    readonly name: string,
    private readonly store: PostgresReadStore,
  ) {
    this.writes = new PostgresWrites(name, store);
  }

  async find<R extends object = T>(filter: Filter = {}, options?: FindOptions): Promise<R[]> {
    validateFilter(filter);
    const { sort, skip, limit, projection } = validateFindOptions(options);
    const docs = await this.store.read(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return [];
      const params = new NumberedParams('$');
      const order = sort ? ` ${orderBy(sort, rows)}` : '';
      const page = limit !== undefined || skip !== undefined ? ` ${postgresDialect.limit(limit, skip)}` : '';
      const sql = `SELECT doc FROM ${info.table}${where(filter, params)}${order}${page}`;
      return x.query<{ doc: Doc }>(sql, params.values);
    });
    return docs.map((row) => applyProjection(row.doc, projection) as R);
  }

  async findOne<R extends object = T>(filter: Filter = {}, options?: FindOneOptions): Promise<R | null> {
    const [first] = await this.find<R>(filter, { ...validateFindOptions(options), limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return this.store.read(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return 0;
      const params = new NumberedParams('$');
      const [row] = await x.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${info.table}${where(filter, params)}`,
        params.values,
      );
      return Number(row?.n ?? 0);
    });
  }

  async aggregate<R extends object = Doc>(pipeline: PipelineStage[]): Promise<R[]> {
    validatePipeline(pipeline);
    const docs = await this.store.read(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return [];
      const params = new NumberedParams('$');
      const sql = translatePipeline(
        pipeline,
        {
          select: (match, sort, p) => {
            const ord = sort ? `row_number() OVER (${orderBy(sort, rows)})` : 'NULL';
            return `SELECT doc, ${ord} AS ord FROM ${info.table}${match ? where(match, p as NumberedParams) : ''}`;
          },
        },
        postgresDialect,
        params,
      );
      return x.query<{ doc: R }>(sql, params.values);
    });
    return docs.map((row) => row.doc);
  }

  async insertOne(document: NewDocument<T>): Promise<InsertOneResult> {
    const doc = withId(cloneDocument(document, 'document'));
    await this.store.atomically((x) => this.writes.insert(x, doc));
    return { insertedId: doc._id as string };
  }

  async insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult> {
    if (!Array.isArray(documents)) throw new ValidationError('documents', 'must be an array');
    const docs = documents.map((d, i) => withId(cloneDocument(d, `documents[${i}]`)));
    if (docs.length === 0) return { insertedCount: 0, insertedIds: [] };
    await this.writes.ordered(docs.map((doc) => (x: Executor) => this.writes.insert(x, doc)));
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
    return this.store.atomically((x) => this.writes.update(x, filter, checked, upsert, many));
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    return { deletedCount: await this.store.atomically((x) => this.writes.delete(x, filter, false)) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    return { deletedCount: await this.store.atomically((x) => this.writes.delete(x, filter, true)) };
  }

  async bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult> {
    const checked = validateBulk(operations);
    const result: BulkWriteResult = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
      deletedCount: 0,
    };
    await this.writes.ordered(
      checked.map((op) => async (x: Executor) => {
        switch (op.kind) {
          case 'insertOne':
            await this.writes.insert(x, withId(op.document));
            result.insertedCount++;
            return;
          case 'updateOne':
          case 'updateMany': {
            const r = await this.writes.update(x, op.filter, op.update, op.upsert, op.kind === 'updateMany');
            result.matchedCount += r.matchedCount;
            result.modifiedCount += r.modifiedCount;
            if (r.upsertedId !== null) result.upsertedCount++;
            return;
          }
          case 'deleteOne':
          case 'deleteMany':
            result.deletedCount += await this.writes.delete(x, op.filter, op.kind === 'deleteMany');
        }
      }),
    );
    return result;
  }

  async createIndex(key: IndexKey, options?: { unique?: boolean; name?: string }): Promise<string> {
    const index = validateIndex(key, options);
    await this.store.atomically(async (x) => {
      const existing = (await this.store.catalogue.find(x, this.name))?.indexes.find(
        (i) => i.name === index.name,
      );
      if (!existing) return this.writes.createIndex(x, index);
      if (JSON.stringify(existing.key) !== JSON.stringify(index.key) || existing.unique !== index.unique)
        throw new ValidationError('options.name', `index ${index.name} exists with another key or options`);
    });
    return index.name;
  }

  async dropIndex(name: string): Promise<void> {
    await this.store.atomically((x) => this.store.catalogue.dropIndex(x, this.name, name));
  }

  async listIndexes(): Promise<IndexDescription[]> {
    const info = await this.store.read((x) => this.store.catalogue.find(x, this.name));
    if (!info) return [];
    return [
      { name: '_id_', key: { _id: 1 }, unique: true },
      ...info.indexes.map(({ name, key, unique }) => ({ name, key, unique })),
    ];
  }

  async drop(): Promise<void> {
    await this.store.atomically((x) => this.store.catalogue.drop(x, this.name));
  }
}

/** A document to insert, with `_id` first (a random UUID when it has none). */
function withId(doc: Doc): Doc {
  if (doc._id !== undefined) return doc;
  return { _id: randomUUID(), ...doc };
}
