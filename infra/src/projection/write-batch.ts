import type {
  BulkWriteOperation,
  DocumentId,
  ReadCollection,
  ReadStore,
} from '../read-store/read-store.port';

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

/** Where the batch stood before a handler ran, to take back its writes if it fails. */
export interface BatchMark {
  flushes: number;
  length: number;
  merges: number;
}

type UpdateOne = Extract<BulkWriteOperation, { updateOne: unknown }>['updateOne'];

/** An `_id` upsert of `$set` only: the kind two of which make one (see `add`). */
function mergeableSet(write: QueuedWrite): Record<string, unknown> | undefined {
  if (write.position === undefined || !('updateOne' in write.op)) return undefined;
  const { filter, update, upsert } = write.op.updateOne;
  if (upsert !== true || Object.keys(filter).length !== 1 || !('_id' in filter)) return undefined;
  const operators = Object.keys(update);
  return operators.length === 1 && operators[0] === '$set' ? update.$set : undefined;
}

/** Whether one `$set` path lies inside another (`a` and `a.b`): those two cannot share a `$set`. */
function pathsOverlap(earlier: Record<string, unknown>, later: Record<string, unknown>): boolean {
  const dotted = (set: Record<string, unknown>) => Object.keys(set).some((path) => path.includes('.'));
  if (!dotted(earlier) && !dotted(later)) return false;
  const laterPaths = Object.keys(later);
  return Object.keys(earlier).some((a) =>
    laterPaths.some((b) => a !== b && (a.startsWith(`${b}.`) || b.startsWith(`${a}.`))),
  );
}

/**
 * The writes of the events handled since the last commit, in order. A flush sends each
 * collection's writes as one ordered bulk write, so a document's writes reach the store in position
 * order (the guard relies on it, see guarded-writes.ts). Guarded writes (the replay window) first
 * have their documents' stamps read by `_id`, and those already applied are dropped.
 *
 * Upserts of `$set` only on the same document coalesce: a case's view rewritten by five events of
 * one batch is written once, with the later values and the later position stamp (the document ends
 * the same; a read in between flushes the batch first). `$set` is absolute, so a folded write is
 * applied or dropped whole by the guard and the document still ends the same. `rollback` undoes merges.
 */
export class WriteBatch {
  private log: QueuedWrite[] = [];
  private flushes = 0;
  /** Per collection and document, the index in `log` of its latest write. */
  private latest = new Map<string, number>();
  /** What each merge replaced, so that a rollback can restore it. */
  private merges: Array<{ index: number; write: QueuedWrite }> = [];

  constructor(private readonly store: ReadStore) {}

  add(write: QueuedWrite): void {
    const key = `${write.collection}\u0000${String(write.id)}`;
    const index = this.latest.get(key);
    const earlier = index === undefined ? undefined : this.log[index];
    const later = mergeableSet(write);
    const before = earlier === undefined ? undefined : mergeableSet(earlier);
    if (index !== undefined && earlier && later && before && !pathsOverlap(before, later)) {
      const op = (earlier.op as { updateOne: UpdateOne }).updateOne;
      this.merges.push({ index, write: earlier });
      this.log[index] = {
        ...write,
        op: { updateOne: { ...op, update: { $set: { ...before, ...later } } } },
      };
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
    this.latest = new Map(this.log.map((w, i) => [`${w.collection}\u0000${String(w.id)}`, i]));
  }

  private clear(): void {
    this.log = [];
    this.latest = new Map();
    this.merges = [];
  }

  async flush(): Promise<void> {
    if (this.log.length === 0) return;
    const byCollection = new Map<string, QueuedWrite[]>();
    for (const write of this.log) {
      let queue = byCollection.get(write.collection);
      if (!queue) byCollection.set(write.collection, (queue = []));
      queue.push(write);
    }
    this.clear();
    this.flushes++;
    // One collection after the other: fewer concurrent commands per database (see opsPerCommand).
    for (const [name, queue] of byCollection) await this.write(this.store.collection(name), queue);
  }

  private async write(collection: ReadCollection, queue: QueuedWrite[]): Promise<void> {
    const pending = await this.withoutApplied(collection, queue);
    if (pending.length > 0) await collection.bulkWrite(pending.map((w) => w.op));
  }

  /** Drops the guarded writes whose document is already stamped at or past their event. */
  private async withoutApplied(collection: ReadCollection, queue: QueuedWrite[]): Promise<QueuedWrite[]> {
    const ids = [...new Set(queue.filter((w) => w.guarded).map((w) => w.id))];
    if (ids.length === 0) return queue;
    const stamps = new Map<DocumentId, number>();
    let next = 0;
    const lookUp = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as DocumentId;
        const doc = await collection.findOne<{ _pos?: unknown }>({ _id: id }, { projection: { _pos: 1 } });
        if (typeof doc?._pos === 'number') stamps.set(id, doc._pos);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUPS_IN_FLIGHT, ids.length) }, lookUp));
    return queue.filter((w) => !w.guarded || (w.position ?? 0) > (stamps.get(w.id) ?? 0));
  }
}
