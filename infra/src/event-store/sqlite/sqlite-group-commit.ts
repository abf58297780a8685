import type { DatabaseSync, StatementSync } from 'node:sqlite';
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
  // Prepared once: parsing each control statement again on every commit was a measurable share of it.
  private readonly begin: StatementSync;
  private readonly commit: StatementSync;
  private readonly savepoint: StatementSync;
  private readonly release: StatementSync;
  private readonly rollbackTo: StatementSync;

  /** `settled` is told after each transaction whether it committed (false: nothing of it is stored). */
  constructor(
    private readonly db: DatabaseSync,
    private readonly settled: (committed: boolean) => void,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.savepoint = db.prepare('SAVEPOINT append');
    this.release = db.prepare('RELEASE append');
    this.rollbackTo = db.prepare('ROLLBACK TO append');
  }

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
      this.begin.run();
    } catch (error) {
      for (const p of batch) p.reject(unavailable(error));
      this.settled(false);
      return;
    }
    try {
      batch.forEach((p, i) => {
        this.savepoint.run();
        try {
          outcomes[i] = { ok: true, value: p.write() };
          this.release.run();
        } catch (error) {
          this.rollbackTo.run();
          this.release.run();
          outcomes[i] = { ok: false, error };
        }
      });
      this.commit.run();
    } catch (error) {
      // The transaction itself failed (I/O error, disk full, lost lock): nothing of it is stored.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      for (const p of batch) p.reject(unavailable(error));
      this.settled(false);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome?.error);
    });
    this.settled(true);
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
