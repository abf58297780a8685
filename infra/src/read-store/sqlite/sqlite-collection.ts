import type {
  BulkWriteResult,
  Filter,
  FindOptions,
  IndexDescription,
  PipelineStage,
  ReadDocument,
  SortSpec,
  UpdateOperators,
  UpdateResult,
} from '../read-store.port';
import { applyProjection } from '../sql/apply-projection';
import { NumberedParams } from '../sql/sql-params';
import { translateFilter } from '../sql/translate-filter';
import { translatePipeline } from '../sql/translate-pipeline';
import { orderBy } from '../sql/translate-sort';
import {
  CheckedCollection,
  bulkSteps,
  emptyBulkResult,
  type CheckedIndex,
} from '../validation/checked-collection';
import type { CheckedOperation } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions } from '../validation/validate-options';
import { ValidationError } from '@hotline/contracts';
import type { TableInfo } from './sqlite-catalogue';
import { sqliteDialect } from './sqlite-dialect';
import { rowScope } from './sqlite-row-scope';
import type { SqliteReadStore } from './sqlite-read-store';
import { SqliteWrites } from './sqlite-writes';

type Doc = Record<string, unknown>;

/** One collection of the SQLite read store: a table `(id, doc)` named in the catalogue. */
export class SqliteCollection<T extends ReadDocument = ReadDocument> extends CheckedCollection<T> {
  private readonly writes: SqliteWrites;

  constructor(
    readonly name: string,
    private readonly store: SqliteReadStore,
  ) {
    super();
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

  protected async findChecked(filter: Filter, options: FindOptions): Promise<Doc[]> {
    const { sort, skip, limit, projection } = options;
    const info = this.table();
    if (!info) return [];
    const params = new NumberedParams();
    const where = this.where(info, filter, params);
    const page = limit !== undefined || skip !== undefined ? ` ${sqliteDialect.limit(limit, skip)}` : '';
    const sql = `SELECT json(doc) AS doc FROM ${info.table}${where}${this.order(info, sort)}${page}`;
    const rows = this.store.statement(sql).all(...params.values) as Array<{ doc: string }>;
    return rows.map((row) => applyProjection(JSON.parse(row.doc) as Doc, projection));
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

  protected async countChecked(filter: Filter): Promise<number> {
    const info = this.table();
    if (!info) return 0;
    const params = new NumberedParams();
    const sql = `SELECT count(*) AS n FROM ${info.table}${this.where(info, filter, params)}`;
    return (this.store.statement(sql).get(...params.values) as { n: number }).n;
  }

  protected async aggregateChecked(pipeline: PipelineStage[]): Promise<Doc[]> {
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
    return rows.map((row) => JSON.parse(row.doc) as Doc);
  }

  protected async insertChecked(documents: Doc[]): Promise<void> {
    await this.store.writable();
    if (documents.length === 1) this.store.transaction(() => this.writes.insert(documents[0] as Doc));
    else this.writes.ordered(documents.map((doc) => () => this.writes.insert(doc)));
  }

  protected async updateChecked(
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): Promise<UpdateResult> {
    await this.store.writable();
    return this.store.transaction(() => this.writes.update(filter, update, upsert, many));
  }

  protected async deleteChecked(filter: Filter, many: boolean): Promise<number> {
    await this.store.writable();
    return this.store.transaction(() => this.writes.delete(filter, many));
  }

  protected async bulkChecked(operations: CheckedOperation[]): Promise<BulkWriteResult> {
    await this.store.writable();
    const result = emptyBulkResult();
    const steps = bulkSteps<void>(
      operations,
      {
        insert: (_x, doc) => this.writes.insert(doc),
        update: (_x, filter, update, upsert, many) => this.writes.update(filter, update, upsert, many),
        delete: (_x, filter, many) => this.writes.delete(filter, many),
      },
      result,
    );
    this.writes.ordered(steps.map((step) => () => void step()));
    return result;
  }

  protected async createIndexChecked(index: CheckedIndex): Promise<string> {
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
