import { ValidationError } from '@hotline/contracts';
import type {
  BulkWriteResult,
  Filter,
  FindOptions,
  IndexDescription,
  PipelineStage,
  ReadDocument,
  UpdateOperators,
  UpdateResult,
} from '../read-store.port';
import { applyProjection } from '../sql/apply-projection';
import { NumberedParams } from '../sql/sql-params';
import { TRUE, translateFilter } from '../sql/translate-filter';
import { translatePipeline } from '../sql/translate-pipeline';
import { orderBy } from '../sql/translate-sort';
import {
  CheckedCollection,
  bulkSteps,
  emptyBulkResult,
  type CheckedIndex,
} from '../validation/checked-collection';
import type { CheckedOperation } from '../validation/validate-bulk';
import type { Executor } from './postgres-catalogue';
import { fold } from './postgres-bulk-fold';
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
export class PostgresCollection<T extends ReadDocument = ReadDocument> extends CheckedCollection<T> {
  private readonly writes: PostgresWrites;

  constructor(
    readonly name: string,
    private readonly store: PostgresReadStore,
  ) {
    super();
    this.writes = new PostgresWrites(name, store);
  }

  protected async findChecked(filter: Filter, options: FindOptions): Promise<Doc[]> {
    const { sort, skip, limit, projection } = options;
    const docs = await this.store.read(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return [];
      const params = new NumberedParams('$');
      const order = sort ? ` ${orderBy(sort, rows)}` : '';
      const page = limit !== undefined || skip !== undefined ? ` ${postgresDialect.limit(limit, skip)}` : '';
      const sql = `SELECT doc FROM ${info.table}${where(filter, params)}${order}${page}`;
      return x.query<{ doc: Doc }>(sql, params.values);
    });
    return docs.map((row) => applyProjection(row.doc, projection));
  }

  protected countChecked(filter: Filter): Promise<number> {
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

  protected async aggregateChecked(pipeline: PipelineStage[]): Promise<Doc[]> {
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
      return x.query<{ doc: Doc }>(sql, params.values);
    });
    return docs.map((row) => row.doc);
  }

  protected async insertChecked(documents: Doc[]): Promise<void> {
    if (documents.length === 1)
      await this.store.atomically((x) => this.writes.insert(x, documents[0] as Doc));
    else await this.writes.ordered(documents.map((doc) => (x: Executor) => this.writes.insert(x, doc)));
  }

  protected updateChecked(
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): Promise<UpdateResult> {
    return this.store.atomically((x) => this.writes.update(x, filter, update, upsert, many));
  }

  protected deleteChecked(filter: Filter, many: boolean): Promise<number> {
    return this.store.atomically((x) => this.writes.delete(x, filter, many));
  }

  protected async bulkChecked(operations: CheckedOperation[]): Promise<BulkWriteResult> {
    // A projection's batch of `_id` writes: a few statements instead of four per operation.
    const folded = await fold(this.store, this.name, operations);
    if (folded) return folded;
    const result = emptyBulkResult();
    const steps = bulkSteps<Executor>(
      operations,
      {
        insert: (x, doc) => this.writes.insert(x, doc),
        update: (x, filter, update, upsert, many) => this.writes.update(x, filter, update, upsert, many),
        delete: (x, filter, many) => this.writes.delete(x, filter, many),
      },
      result,
    );
    await this.writes.ordered(steps.map((step) => async (x: Executor) => step(x)));
    return result;
  }

  protected async createIndexChecked(index: CheckedIndex): Promise<string> {
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
