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
import { SqliteQuery, TABLE_ROWS, type Statement } from './sqlite-query';
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

  private rows(statement: Statement): Array<Record<string, unknown>> {
    return this.store.statement(statement.sql).all(...statement.values);
  }

  protected async findChecked(filter: Filter, options: FindOptions): Promise<Doc[]> {
    const info = this.table();
    if (!info) return [];
    return this.rows(new SqliteQuery(this.store, info).find(filter, options)).map((row) =>
      applyProjection(JSON.parse(row.doc as string) as Doc, options.projection),
    );
  }

  /**
   * SQLite's query plan (EXPLAIN QUERY PLAN details) of `find` and of `countDocuments` with the same
   * filter: how a test proves that a query shape is answered from indexes.
   */
  async explain(filter: Filter, options?: FindOptions): Promise<{ find: string[]; count: string[] }> {
    validateFilter(filter);
    const checked = validateFindOptions(options);
    const info = this.table();
    if (!info) return { find: [], count: [] };
    const plan = ({ sql, values }: Statement) =>
      (
        this.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as Array<{
          detail: string;
        }>
      ).map((row) => row.detail);
    const query = new SqliteQuery(this.store, info);
    return { find: plan(query.find(filter, checked)), count: plan(query.count(filter)) };
  }

  protected async countChecked(filter: Filter): Promise<number> {
    const info = this.table();
    if (!info) return 0;
    return this.rows(new SqliteQuery(this.store, info).count(filter))[0]?.n as number;
  }

  protected async aggregateChecked(pipeline: PipelineStage[]): Promise<Doc[]> {
    const info = this.table();
    if (!info) return [];
    const params = new NumberedParams();
    const query = new SqliteQuery(this.store, info);
    const sql = translatePipeline(
      pipeline,
      {
        select: (match, sort, p) => {
          const ord = sort
            ? `row_number() OVER (${orderBy(sort, rowScope(info, this.store.catalogue, TABLE_ROWS))})`
            : 'NULL';
          return `SELECT t.doc AS doc, ${ord} AS ord FROM ${match ? query.rows(match, p as NumberedParams) : `${info.table} AS t`}`;
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
