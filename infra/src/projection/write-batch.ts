import type {
  BulkWriteOperation,
  DocumentId,
  ReadCollection,
  ReadStore,
} from '../read-store/read-store.port';
import { coalesce, keyOf, merge } from './write-fold';

export interface QueuedWrite {
  collection: string;
  op: BulkWriteOperation;
  id: DocumentId;
  /** Set for guarded upserts: the position the document is stamped with. */
  position?: number;
  /** In the replay window: dropped at flush when the document's stamp is at or past `position`. */
  guarded?: boolean;
}

/** Stamp lookups in flight at once per collection: FerretDB answers each by `_id` alone. */
const LOOKUPS_IN_FLIGHT = 8;

/**
 * Most stamps kept per collection in the replay window. A window is about two batches, but a
 * checkpoint from before `writtenUpTo` was recorded guards everything up to the head: past this,
 * the stamps are forgotten and read again as needed (lookups, never a wrong answer).
 */
const STAMPS_KEPT = 100_000;

/** Where the batch stood before a handler ran, to take back its writes if it fails. */
export interface BatchMark {
  flushes: number;
  length: number;
  merges: number;
}

/**
 * The writes of the events handled since the last commit, in order. A flush sends each
 * collection's writes as one ordered bulk write, so a document's writes reach the store in position
 * order (the guard relies on it, see guarded-writes.ts). Guarded writes (the replay window) first
 * have their documents' stamps read by `_id` (once per document and window: the batch keeps what it
 * read and wrote until the window is over, a write fails or the runner restarts), and those already
 * applied are dropped; what is left is folded again, counters included, before it is sent.
 *
 * Upserts of `$set` only on the same document coalesce: a case's view rewritten by five events of
 * one batch is written once, with the later values and the later position stamp (the document ends
 * the same; a read in between flushes the batch first). `$set` is absolute, so a folded write is
 * applied or dropped whole by the guard and the document still ends the same. Counters fold too:
 * outside the replay window, upserts of `$set` and `$inc` on the same document become one write
 * with the increments summed (a day's counter touched by thousands of events is written once per
 * batch). `rollback` undoes merges.
 */
export class WriteBatch {
  private log: QueuedWrite[] = [];
  private flushes = 0;
  /** Per collection and document, the index in `log` of its latest write. */
  private latest = new Map<string, number>();
  /** What each merge replaced, so that a rollback can restore it. */
  private merges: Array<{ index: number; write: QueuedWrite }> = [];
  /**
   * In the replay window, per collection, the stamp of each document looked up or written since
   * (0: none, or deleted), as stored: each document is looked up once per window, not once per flush.
   */
  private readonly stamps = new Map<string, Map<DocumentId, number>>();

  constructor(
    private readonly store: ReadStore,
    private readonly stampsKept = STAMPS_KEPT,
  ) {}

  add(write: QueuedWrite): void {
    const key = keyOf(write);
    const index = this.latest.get(key);
    const earlier = index === undefined ? undefined : this.log[index];
    const folded = earlier && merge(earlier, write, !write.guarded && !earlier.guarded);
    if (index !== undefined && earlier && folded) {
      this.merges.push({ index, write: earlier });
      this.log[index] = folded;
      return;
    }
    this.latest.set(key, this.log.length);
    this.log.push(write);
  }

  get empty(): boolean {
    return this.log.length === 0;
  }

  mark(): BatchMark {
    return { flushes: this.flushes, length: this.log.length, merges: this.merges.length };
  }

  /** Drops what was queued since `mark`; after a flush in between, everything queued since that flush. */
  rollback(mark: BatchMark): void {
    if (mark.flushes !== this.flushes) {
      this.clear();
      return;
    }
    while (this.merges.length > mark.merges) {
      const undo = this.merges.pop();
      if (undo) this.log[undo.index] = undo.write;
    }
    this.log.length = Math.min(mark.length, this.log.length);
    this.latest = new Map(this.log.map((w, i) => [keyOf(w), i]));
  }

  private clear(): void {
    this.log = [];
    this.latest = new Map();
    this.merges = [];
  }

  /** Forgets the stamps read in the replay window: the next guarded write looks its document up again. */
  forgetStamps(): void {
    this.stamps.clear();
  }

  async flush(): Promise<void> {
    if (this.log.length === 0) return;
    const byCollection = new Map<string, QueuedWrite[]>();
    for (const write of this.log) {
      let queue = byCollection.get(write.collection);
      if (!queue) byCollection.set(write.collection, (queue = []));
      queue.push(write);
    }
    // Past the replay window nothing is guarded, and the stamps read in it are not needed any more.
    if (!this.log.some((w) => w.guarded)) this.stamps.clear();
    this.clear();
    this.flushes++;
    try {
      // One collection after the other: fewer concurrent commands per database (see opsPerCommand).
      for (const [name, queue] of byCollection) await this.write(name, queue);
    } catch (error) {
      // Part of the writes may be stored: the stamps known here may be behind the store's.
      this.stamps.clear();
      throw error;
    }
  }

  private async write(name: string, queue: QueuedWrite[]): Promise<void> {
    const collection = this.store.collection(name);
    let known = this.stamps.get(name);
    if (!known && queue.some((w) => w.guarded))
      this.stamps.set(name, (known = new Map<DocumentId, number>()));
    if (!known) {
      await collection.bulkWrite(queue.map((w) => w.op));
      return;
    }
    const { pending, after } = await this.withoutApplied(collection, queue, known);
    if (pending.length > 0) await collection.bulkWrite(coalesce(pending).map((w) => w.op));
    for (const [id, stamp] of after) known.set(id, stamp);
    if (known.size > this.stampsKept) known.clear();
  }

  /**
   * Drops the guarded writes whose document is already stamped at or past their event, in queue
   * order (a delete leaves its document unstamped, so what is written after it is applied again).
   * Stamps are read by `_id` only, once per document in the replay window (`known` holds the ones
   * read or written before). Returns the writes to send and the stamps they leave.
   */
  private async withoutApplied(
    collection: ReadCollection,
    queue: QueuedWrite[],
    known: Map<DocumentId, number>,
  ): Promise<{ pending: QueuedWrite[]; after: Map<DocumentId, number> }> {
    const ids = [...new Set(queue.filter((w) => w.guarded && !known.has(w.id)).map((w) => w.id))];
    const read = new Map<DocumentId, number>();
    let next = 0;
    const lookUp = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as DocumentId;
        const doc = await collection.findOne<{ _pos?: unknown }>({ _id: id }, { projection: { _pos: 1 } });
        read.set(id, typeof doc?._pos === 'number' ? doc._pos : 0);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUPS_IN_FLIGHT, ids.length) }, lookUp));
    const after = new Map<DocumentId, number>();
    const pending: QueuedWrite[] = [];
    for (const write of queue) {
      const stamp = after.get(write.id) ?? known.get(write.id) ?? read.get(write.id) ?? 0;
      if ('deleteOne' in write.op) {
        after.set(write.id, 0);
      } else if (write.guarded && (write.position ?? 0) <= stamp) {
        after.set(write.id, stamp);
        continue;
      } else {
        after.set(write.id, write.position ?? stamp);
      }
      pending.push(write);
    }
    return { pending, after };
  }
}
