import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { ReadCollection, ReadDocument, ReadStore, ReadStoreWriter } from '../read-store.port';
import { ReadStoreUnavailable } from '../read-store.errors';
import { validateCollectionName } from '../validation/validate-options';
import { SqliteCatalogue } from './sqlite-catalogue';
import { SqliteCollection } from './sqlite-collection';
import { registerRegexp } from './sqlite-regexp';
import { SqliteWriteGate } from './sqlite-writer';

export interface SqliteReadStoreOptions {
  /** The database file, or `:memory:`. */
  path: string;
}

const STATEMENT_CACHE = 500;

/**
 * The embedded read store: JSON documents in an SQLite file (`node:sqlite`), one table per
 * collection, queried through the shared SQL translation (`../sql`) with the SQLite dialect.
 * Everything runs on one connection and synchronously, so one call's statements never interleave
 * with another's; `transaction` makes several calls one commit.
 */
export class SqliteReadStore implements ReadStore {
  readonly catalogue: SqliteCatalogue;
  readonly gate: SqliteWriteGate;
  private readonly statements = new Map<string, StatementSync>();
  private closed = false;

  private constructor(readonly db: DatabaseSync) {
    this.catalogue = new SqliteCatalogue(db);
    this.gate = new SqliteWriteGate(db);
  }

  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    const db = new DatabaseSync(options.path);
    // A read model can be rebuilt from the events: WAL with NORMAL sync keeps every commit atomic
    // (the checkpoint with its writes) and loses at most the last ones on a power cut, never half.
    // busy_timeout: another process on the same file (one host, several services) waits its turn.
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    // 64 MB of page cache; statistics for the planner (which index drives a search) kept fresh
    // cheaply: analysed on open where they are missing or stale, and again at close.
    db.exec('PRAGMA cache_size = -65536; PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;');
    registerRegexp(db);
    return new SqliteReadStore(db);
  }

  /** A store in memory only, for tests and throwaway rebuilds: gone when closed. */
  static inMemory(): SqliteReadStore {
    return SqliteReadStore.open({ path: ':memory:' });
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    validateCollectionName(name);
    return new SqliteCollection<T>(name, this);
  }

  writer(): ReadStoreWriter {
    return this.gate.writer();
  }

  async renameCollection(from: string, to: string): Promise<void> {
    validateCollectionName(from, 'from');
    validateCollectionName(to, 'to');
    await this.writable();
    this.transaction(() => this.catalogue.rename(from, to));
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    return this.catalogue.names();
  }

  async dropDatabase(): Promise<void> {
    await this.writable();
    this.transaction(() => {
      for (const name of this.catalogue.names()) this.catalogue.drop(name);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    if (!this.db.isTransaction) this.db.exec('PRAGMA optimize');
    this.db.close();
  }

  assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailable('the SQLite read store is closed');
  }

  /** Before a write: waits while another writer's transaction is open (see SqliteWriteGate). */
  async writable(): Promise<void> {
    this.assertOpen();
    if (!this.gate.free) await this.gate.writable();
    this.assertOpen();
  }

  /** A prepared statement for `sql`, reused while it stays among the recent ones. */
  statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (statement) return statement;
    if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
    statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    return statement;
  }

  /** Runs `work` in one transaction (joining the open one, if any); a throw rolls it back. */
  transaction<R>(work: () => R): R {
    if (this.db.isTransaction) return work();
    this.db.exec('BEGIN');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
