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
import type { SqlScope } from '../sql/sql-dialect';
import {
  CheckedCollection,
  bulkSteps,
  emptyBulkResult,
  type CheckedIndex,
} from '../validation/checked-collection';
import type { CheckedOperation } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions } from '../validation/validate-options';
import type { Executor, TableInfo } from './postgres-catalogue';
import { fold } from './postgres-bulk-fold';
import { postgresDialect } from './postgres-dialect';
import { PostgresDocumentScope } from './postgres-field';
import type { PostgresReadStore } from './postgres-read-store';
import { sideCountStatement } from './postgres-side-count';
import { PostgresWrites, rows } from './postgres-writes';

type Doc = Record<string, unknown>;

/** `WHERE …` of a filter over a table's rows (`scope`), its parameters in `params`. */
function where(filter: Filter, params: NumberedParams, scope: SqlScope = rows): string {
  const predicate = translateFilter(filter, scope, params);
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

  /**
   * The rows as reads see them: the declared paths that hold no array or object anywhere (probed
   * per read; the general translation otherwise) compared as plain values, so that their B-trees
   * answer equalities, `$in`, ranges and sorts.
   */
  private async readScope(x: Executor, info: TableInfo): Promise<SqlScope> {
    const declared = info.indexes.flatMap((i) => Object.keys(i.key)).filter((path) => path !== '_id');
    // Loading, no partial index answers the probe (each would scan the documents) and no B-tree
    // would serve the plain comparison: the general translation is right for any document.
    if (declared.length === 0 || info.loading) return rows;
    const complex = await this.store.catalogue.complexPaths(x, info, declared);
    return new PostgresDocumentScope('doc', 1, new Set(declared.filter((path) => !complex.has(path))));
  }

  /** The statement `find` runs: for the plans test (EXPLAIN), and for `find` itself. */
  async findStatement(
    x: Executor,
    info: TableInfo,
    filter: Filter,
    options: FindOptions,
  ): Promise<{ sql: string; values: unknown[] }> {
    const { sort, skip, limit } = options;
    const scope = await this.readScope(x, info);
    const params = new NumberedParams('$');
    const order = sort ? ` ${orderBy(sort, scope)}` : '';
    const page = limit !== undefined || skip !== undefined ? ` ${postgresDialect.limit(limit, skip)}` : '';
    return {
      sql: `SELECT doc FROM ${info.table}${where(filter, params, scope)}${order}${page}`,
      values: params.values,
    };
  }

  /**
   * The statement `countDocuments` runs: from the side tables of the declared paths when they
   * answer the filter (never reading a document), else over the documents.
   */
  async countStatement(
    x: Executor,
    info: TableInfo,
    filter: Filter,
  ): Promise<{ sql: string; values: unknown[] }> {
    const sideParams = new NumberedParams('$');
    const side = sideCountStatement(filter, info.sides, sideParams);
    if (side) return { sql: side, values: sideParams.values };
    const scope = await this.readScope(x, info);
    const params = new NumberedParams('$');
    return {
      sql: `SELECT count(*) AS n FROM ${info.table}${where(filter, params, scope)}`,
      values: params.values,
    };
  }

  /**
   * PostgreSQL's plans (EXPLAIN, text lines) of `find` and of `countDocuments` with the same filter:
   * how a test proves that a query shape is answered from indexes.
   */
  async explain(filter: Filter, options?: FindOptions): Promise<{ find: string[]; count: string[] }> {
    validateFilter(filter);
    const checked = validateFindOptions(options);
    return this.store.snapshot(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return { find: [], count: [] };
      const plan = async ({ sql, values }: { sql: string; values: unknown[] }) =>
        (await x.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values)).map((row) => row['QUERY PLAN']);
      return {
        find: await plan(await this.findStatement(x, info, filter, checked)),
        count: await plan(await this.countStatement(x, info, filter)),
      };
    });
  }

  // The probe of which paths hold arrays and the query it shaped run on one snapshot: a document
  // that became an array between them would otherwise be missed by a plain `=`.
  protected async findChecked(filter: Filter, options: FindOptions): Promise<Doc[]> {
    const docs = await this.store.snapshot(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return [];
      const { sql, values } = await this.findStatement(x, info, filter, options);
      return x.query<{ doc: Doc }>(sql, values);
    });
    return docs.map((row) => applyProjection(row.doc, options.projection));
  }

  protected countChecked(filter: Filter): Promise<number> {
    return this.store.snapshot(async (x) => {
      const info = await this.store.catalogue.find(x, this.name);
      if (!info) return 0;
      const { sql, values } = await this.countStatement(x, info, filter);
      const [row] = await x.query<{ n: string }>(sql, values);
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
