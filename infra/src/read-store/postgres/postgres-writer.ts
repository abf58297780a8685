import type { ReadStoreWriter } from '../read-store.port';
import type { PostgresPool } from '../../postgres';
import type { Executor } from './postgres-catalogue';

/** Thrown inside the pool's transaction to make it roll back. */
class RolledBack extends Error {}

/**
 * A writer's transaction on a connection of its own, held open between `begin` and `commit`
 * through the pool's `transaction` (so a lost connection is handled as everywhere else). Calls made
 * inside `run` go to it one at a time (one connection runs one statement at a time), each write a
 * savepoint so that a refused write (a duplicate key) undoes only itself. Other connections do not
 * see its writes before the commit, and wait only for the rows it holds.
 */
export class PostgresWriter implements ReadStoreWriter {
  private tx: Executor | undefined;
  private finish: ((commit: boolean) => void) | undefined;
  private ended: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: PostgresPool,
    private readonly enter: <R>(writer: PostgresWriter, work: () => Promise<R>) => Promise<R>,
    private readonly onRollback: () => void,
  ) {}

  get open(): boolean {
    return this.tx !== undefined;
  }

  run<R>(work: () => Promise<R>): Promise<R> {
    return this.enter(this, work);
  }

  /** Runs `work` on the open transaction after the calls queued before it. */
  serial<R>(work: (tx: Executor) => Promise<R>): Promise<R> {
    const result = this.queue.then(() => work(this.tx as Executor));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async begin(): Promise<void> {
    if (this.tx) return;
    let ready!: (tx: Executor) => void;
    let failed!: (error: unknown) => void;
    const opened = new Promise<Executor>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    this.ended = this.pool
      .transaction(async (tx) => {
        ready(tx);
        const commit = await new Promise<boolean>((resolve) => (this.finish = resolve));
        if (!commit) throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return;
        failed(error);
        throw error;
      });
    // Marked as handled here; `commit` awaits it and throws what it threw.
    this.ended.catch(() => undefined);
    this.tx = await opened;
  }

  commit(): Promise<void> {
    return this.end(true);
  }

  rollback(): Promise<void> {
    return this.end(false);
  }

  private async end(commit: boolean): Promise<void> {
    if (!this.tx) return;
    await this.queue;
    const ended = this.ended;
    this.finish?.(commit);
    this.tx = undefined;
    this.finish = undefined;
    this.ended = undefined;
    if (!commit) this.onRollback();
    try {
      await ended;
    } catch (error) {
      this.onRollback();
      throw error;
    }
  }
}
