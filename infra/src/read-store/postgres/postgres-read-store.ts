import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgresPool } from '../../postgres';
import type {
  ReadCollection,
  ReadDocument,
  ReadStore,
  ReadStoreWriter,
  RebuildLoad,
} from '../read-store.port';
import { ReadStoreUnavailable } from '../read-store.errors';
import { validateCollectionName } from '../validation/validate-options';
import { PostgresCatalogue, type Executor } from './postgres-catalogue';
import { PostgresCollection } from './postgres-collection';
import { PostgresWriter } from './postgres-writer';

export interface PostgresReadStoreOptions {
  /** `postgres://user:password@host:port[,host:port…]/database` (several hosts: the primary is found). */
  url: string;
  /** Connections kept at most. Default 10. */
  max?: number;
}

/**
 * The read store on PostgreSQL: JSONB documents, one table per collection, queried through the
 * shared SQL translation (`../sql`) with the PostgreSQL dialect. Every write is one transaction
 * (or, inside a writer's open transaction, one savepoint), so a refused write changes nothing.
 */
export class PostgresReadStore implements ReadStore {
  private readonly context = new AsyncLocalStorage<PostgresWriter>();
  private closed = false;

  private constructor(
    readonly pool: PostgresPool,
    readonly catalogue: PostgresCatalogue,
  ) {}

  static async open(options: PostgresReadStoreOptions): Promise<PostgresReadStore> {
    const pool = PostgresPool.open({
      url: options.url,
      max: options.max ?? 10,
      applicationName: 'hotline-read-store',
    });
    try {
      return new PostgresReadStore(pool, await PostgresCatalogue.create(pool));
    } catch (error) {
      await pool.close();
      throw error;
    }
  }

  /**
   * The rebuild mode (`PostgresCatalogue.beginLoad`): a rebuild's documents are written without the
   * triggers of the side tables and without the B-tree, GIN and partial indexes of the declared
   * paths, which the profile of the workflow rebuild found to be most of a write's cost; `finish`
   * builds them all over the loaded documents in one transaction.
   */
  readonly rebuildLoad: RebuildLoad = {
    begin: (collections) => this.atomically((x) => this.catalogue.beginLoad(x, checkedNames(collections))),
    finish: (collections) => this.atomically((x) => this.catalogue.finishLoad(x, checkedNames(collections))),
    pending: (collections) => this.read((x) => this.catalogue.loading(x, checkedNames(collections))),
  };

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    validateCollectionName(name);
    return new PostgresCollection<T>(name, this);
  }

  writer(): ReadStoreWriter {
    return new PostgresWriter(
      this.pool,
      (writer, work) => this.context.run(writer, work),
      () => this.catalogue.forget(),
    );
  }

  async renameCollection(from: string, to: string): Promise<void> {
    validateCollectionName(from, 'from');
    validateCollectionName(to, 'to');
    await this.atomically((x) => this.catalogue.rename(x, from, to));
  }

  async listCollections(): Promise<string[]> {
    return this.read((x) => this.catalogue.names(x));
  }

  async dropDatabase(): Promise<void> {
    await this.atomically(async (x) => {
      for (const name of await this.catalogue.names(x)) await this.catalogue.drop(x, name);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailable('the PostgreSQL read store is closed');
  }

  /** Runs reads: on the open transaction of the writer whose `run` this is (seeing its writes), else the pool. */
  async read<R>(work: (x: Executor) => Promise<R>): Promise<R> {
    this.assertOpen();
    const writer = this.context.getStore();
    return writer?.open ? writer.serial(work) : work(this.pool);
  }

  /**
   * Runs reads made of several statements on one snapshot: a read-only REPEATABLE READ transaction
   * of their own, so that what one statement learnt (which paths hold arrays) is still true for the
   * next; or, inside a writer's `run`, its open transaction, whose own writes they must see.
   */
  async snapshot<R>(work: (x: Executor) => Promise<R>): Promise<R> {
    this.assertOpen();
    const writer = this.context.getStore();
    return writer?.open ? writer.serial(work) : this.pool.transaction(work, { snapshot: true });
  }

  /**
   * Runs writes as one: a transaction of their own, or a savepoint in the open transaction of the
   * writer whose `run` this is. A throw undoes them (and forgets the cached layout, which they may
   * have changed).
   */
  async atomically<R>(work: (x: Executor) => Promise<R>): Promise<R> {
    this.assertOpen();
    const writer = this.context.getStore();
    try {
      if (writer?.open) return await writer.serial((tx) => savepoint(tx, 'rs_write', work));
      return await this.pool.transaction(work);
    } catch (error) {
      this.catalogue.forget();
      throw error;
    }
  }
}

function checkedNames(collections: readonly string[]): string[] {
  collections.forEach((name, i) => validateCollectionName(name, `collections[${i}]`));
  return [...collections];
}

/** Runs `work` inside a savepoint of `tx`: a throw rolls back to it, leaving the transaction usable. */
export async function savepoint<R>(
  tx: Executor,
  name: string,
  work: (x: Executor) => Promise<R>,
): Promise<R> {
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await work(tx);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}
