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

type UpdateOne = Extract<BulkWriteOperation, { updateOne: unknown }>['updateOne'];

type FoldableUpdate = {
  $set: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
};

const FOLDABLE_OPERATORS = new Set(['$set', '$inc', '$push']);

/** An `_id` upsert of `$set` (with `$inc` and `$push`) only: the kind two of which make one (see `add`). */
function foldable(write: QueuedWrite): FoldableUpdate | undefined {
  if (write.position === undefined || !('updateOne' in write.op)) return undefined;
  const { filter, update, upsert } = write.op.updateOne;
  if (upsert !== true || Object.keys(filter).length !== 1 || !('_id' in filter)) return undefined;
  if (Object.keys(update).some((operator) => !FOLDABLE_OPERATORS.has(operator))) return undefined;
  return update.$set ? (update as FoldableUpdate) : undefined;
}

/** Whether two paths name the same field or one lies inside the other (`a` and `a.b`). */
const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** Whether one `$set` path lies inside another (`a` and `a.b`): those two cannot share a `$set`. */
function pathsOverlap(earlier: Record<string, unknown>, later: Record<string, unknown>): boolean {
  const dotted = (set: Record<string, unknown>) => Object.keys(set).some((path) => path.includes('.'));
  if (!dotted(earlier) && !dotted(later)) return false;
  const laterPaths = Object.keys(later);
  return Object.keys(earlier).some((a) => laterPaths.some((b) => a !== b && related(a, b)));
}

/** What a `$push` of `value` appends: the items of its `$each`, or the value itself. */
const pushedItems = (value: unknown): unknown[] =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, '$each')
    ? (value as { $each: unknown[] }).$each
    : [value];

/** `$inc` and `$push` of two writes as one: increments summed, appended items in order. */
function combine(before: FoldableUpdate, later: FoldableUpdate): Omit<FoldableUpdate, '$set'> {
  const out: Omit<FoldableUpdate, '$set'> = {};
  if (before.$inc || later.$inc) {
    const $inc: Record<string, number> = { ...before.$inc };
    for (const [path, by] of Object.entries(later.$inc ?? {}))
      $inc[path] = (Object.hasOwn($inc, path) ? ($inc[path] as number) : 0) + by;
    out.$inc = $inc;
  }
  if (before.$push || later.$push) {
    const $push: Record<string, unknown> = { ...before.$push };
    for (const [path, value] of Object.entries(later.$push ?? {}))
      $push[path] = Object.hasOwn($push, path)
        ? { $each: [...pushedItems($push[path]), ...pushedItems(value)] }
        : value;
    out.$push = $push;
  }
  return out;
}

/**
 * The one update that does what `before` then `later` do, or undefined. `$inc` and `$push` fold
 * only when `counting` (neither write is guarded): a guarded write is dropped or applied whole by
 * its own position, and a sum of two increments (or two appends) could not be half applied.
 */
function fold(before: FoldableUpdate, later: FoldableUpdate, counting: boolean): FoldableUpdate | undefined {
  const counts = before.$inc || later.$inc || before.$push || later.$push;
  if (counts && !counting) return undefined;
  if (pathsOverlap(before.$set, later.$set)) return undefined;
  const $set = { ...before.$set, ...later.$set };
  if (!counts) return { $set };
  const { $inc, $push } = combine(before, later);
  const setPaths = Object.keys($set);
  const incPaths = Object.keys($inc ?? {});
  const pushPaths = Object.keys($push ?? {});
  // A field under two operators, or one counted or appended field inside another: keep them apart.
  const clash = (a: string[], b: string[]) => a.some((x) => b.some((y) => related(x, y)));
  const nested = (paths: string[]) => paths.some((x) => paths.some((y) => x !== y && related(x, y)));
  if (clash(incPaths, setPaths) || clash(pushPaths, setPaths) || clash(pushPaths, incPaths)) return undefined;
  if (nested(incPaths) || nested(pushPaths)) return undefined;
  return { $set, ...($inc ? { $inc } : {}), ...($push ? { $push } : {}) };
}

const keyOf = (write: QueuedWrite): string => `${write.collection}\u0000${String(write.id)}`;

/** `earlier` and `later` (on the same document) as one write, or undefined (see `fold`). */
function merge(earlier: QueuedWrite, later: QueuedWrite, counting: boolean): QueuedWrite | undefined {
  const before = foldable(earlier);
  const after = foldable(later);
  const folded = before && after ? fold(before, after, counting) : undefined;
  if (!folded) return undefined;
  const op = (earlier.op as { updateOne: UpdateOne }).updateOne;
  return { ...later, op: { updateOne: { ...op, update: folded } } };
}

/**
 * Folds the writes a flush is about to send, counters included: once the guard has dropped what
 * was already applied, every write left is applied whole, so none needs its own position any more
 * (a replay sends each document once per flush, as a rebuild does).
 */
function coalesce(writes: QueuedWrite[]): QueuedWrite[] {
  const out: QueuedWrite[] = [];
  const latest = new Map<string, number>();
  for (const write of writes) {
    const key = keyOf(write);
    const index = latest.get(key);
    const earlier = index === undefined ? undefined : out[index];
    const folded = earlier && merge(earlier, write, true);
    if (index !== undefined && folded) {
      out[index] = folded;
      continue;
    }
    latest.set(key, out.length);
    out.push(write);
  }
  return out;
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
