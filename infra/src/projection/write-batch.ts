import type {
  BulkWriteOperation,
  DocumentId,
  ReadCollection,
  ReadStore,
} from '../read-store/read-store.port';
import { DuplicateKeyError } from '../read-store/read-store.errors';

export interface QueuedWrite {
  collection: string;
  op: BulkWriteOperation;
  id: DocumentId;
  /** Set for guarded upserts: the position the document is stamped with. */
  position?: number;
}

/** Where the batch stood before a handler ran, to take back its writes if it fails. */
export interface BatchMark {
  flushes: number;
  length: number;
}

/**
 * The writes of the events handled since the last commit, in order. A flush sends each
 * collection's writes as one ordered bulk write. A guarded upsert that finds its document already at
 * or past its position fails on the duplicate `_id` (the guard filter excluded the document, so the
 * upsert tried to insert it): that write was applied before, so it is skipped and the bulk write
 * resumes after it.
 */
export class WriteBatch {
  private log: QueuedWrite[] = [];
  private flushes = 0;

  constructor(private readonly store: ReadStore) {}

  add(write: QueuedWrite): void {
    this.log.push(write);
  }

  mark(): BatchMark {
    return { flushes: this.flushes, length: this.log.length };
  }

  /** Drops what was queued since `mark`; after a flush in between, everything queued since that flush. */
  rollback(mark: BatchMark): void {
    this.log.length = mark.flushes === this.flushes ? Math.min(mark.length, this.log.length) : 0;
  }

  async flush(): Promise<void> {
    if (this.log.length === 0) return;
    const byCollection = new Map<string, QueuedWrite[]>();
    for (const write of this.log) {
      let queue = byCollection.get(write.collection);
      if (!queue) byCollection.set(write.collection, (queue = []));
      queue.push(write);
    }
    this.log = [];
    this.flushes++;
    // One collection after the other: fewer concurrent commands per database (see opsPerCommand).
    for (const [name, queue] of byCollection) await this.write(this.store.collection(name), queue);
  }

  private async write(collection: ReadCollection, queue: QueuedWrite[]): Promise<void> {
    let start = 0;
    while (start < queue.length) {
      const rest = start === 0 ? queue : queue.slice(start);
      try {
        await collection.bulkWrite(rest.map((w) => w.op));
        return;
      } catch (error) {
        const index = error instanceof DuplicateKeyError ? error.operationIndex : undefined;
        const failed = index === undefined ? undefined : rest[index];
        if (index === undefined || !failed || !(await this.alreadyApplied(collection, failed))) throw error;
        start += index + 1;
      }
    }
  }

  /** The duplicate may also come from another unique index: only a stamp at or past ours means "done". */
  private async alreadyApplied(collection: ReadCollection, write: QueuedWrite): Promise<boolean> {
    if (write.position === undefined) return false;
    const doc = await collection.findOne<{ _pos?: unknown }>({ _id: write.id }, { projection: { _pos: 1 } });
    return typeof doc?._pos === 'number' && doc._pos >= write.position;
  }
}
