import type { DatabaseSync } from 'node:sqlite';
import { EventStoreUnavailable } from '../event-store.errors';

interface Pending<T> {
  write: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

const SQLITE_BUSY = 5;

/**
 * Group commit: writes submitted in the same tick share one transaction, hence one fsync, while
 * each keeps its own all-or-nothing outcome through a savepoint. A write that throws is rolled back
 * to its savepoint and rejected alone; its neighbours still commit. Promises settle only after the
 * COMMIT, so nobody sees a result that a failed commit could take back.
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
  private scheduled = false;

  constructor(
    private readonly db: DatabaseSync,
    private readonly afterCommit: () => void,
  ) {}

  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued so far; safe to call when nothing is queued. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes = new Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>(batch.length);
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const p of batch) p.reject(unavailable(error));
      return;
    }
    try {
      batch.forEach((p, i) => {
        this.db.exec('SAVEPOINT append');
        try {
          outcomes[i] = { ok: true, value: p.write() };
          this.db.exec('RELEASE append');
        } catch (error) {
          this.db.exec('ROLLBACK TO append');
          this.db.exec('RELEASE append');
          outcomes[i] = { ok: false, error };
        }
      });
      this.db.exec('COMMIT');
    } catch (error) {
      // The transaction itself failed (I/O error, disk full, lost lock): nothing of it is stored.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      for (const p of batch) p.reject(unavailable(error));
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome?.error);
    });
    this.afterCommit();
  }
}

function unavailable(error: unknown): unknown {
  const busy =
    (error as { errcode?: number }).errcode !== undefined &&
    ((error as { errcode: number }).errcode & 0xff) === SQLITE_BUSY;
  return busy
    ? new EventStoreUnavailable(
        'the event store file stayed locked by another writer past the busy timeout',
        error,
      )
    : error;
}
