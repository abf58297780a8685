import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync } from 'node:sqlite';
import type { ReadStoreWriter } from '../read-store.port';

/**
 * Who may write while a writer's transaction is open. The store has one connection, so a writer's
 * open transaction would swallow anybody's writes: a write waits unless it runs in the context
 * (AsyncLocalStorage) of the writer that holds the transaction.
 */
export class SqliteWriteGate {
  private readonly context = new AsyncLocalStorage<SqliteWriter>();
  private owner: SqliteWriter | undefined;
  private released: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly db: DatabaseSync) {}

  writer(): SqliteWriter {
    return new SqliteWriter(this);
  }

  /** Resolves when the caller may write: no transaction open, or its own writer's. */
  async writable(): Promise<void> {
    while (this.owner && this.context.getStore() !== this.owner) await this.released;
  }

  /** Whether a write now would not join another writer's transaction (a synchronous check). */
  get free(): boolean {
    return !this.owner || this.context.getStore() === this.owner;
  }

  run<R>(writer: SqliteWriter, work: () => Promise<R>): Promise<R> {
    return this.context.run(writer, work);
  }

  async begin(writer: SqliteWriter): Promise<void> {
    if (this.owner === writer) return;
    while (this.owner) await this.released;
    this.owner = writer;
    this.released = new Promise((resolve) => (this.release = resolve));
    this.db.exec('BEGIN');
  }

  end(writer: SqliteWriter, how: 'COMMIT' | 'ROLLBACK'): void {
    if (this.owner !== writer) return;
    try {
      if (this.db.isTransaction) this.db.exec(how);
    } finally {
      this.owner = undefined;
      this.release?.();
    }
  }
}

export class SqliteWriter implements ReadStoreWriter {
  constructor(private readonly gate: SqliteWriteGate) {}

  run<R>(work: () => Promise<R>): Promise<R> {
    return this.gate.run(this, work);
  }

  begin(): Promise<void> {
    return this.gate.begin(this);
  }

  async commit(): Promise<void> {
    this.gate.end(this, 'COMMIT');
  }

  async rollback(): Promise<void> {
    this.gate.end(this, 'ROLLBACK');
  }
}
