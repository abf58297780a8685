import { ValidationError } from '@hotline/contracts';
import type { DocumentId, UpdateOperators } from '../read-store/read-store.port';
import { checkDocumentId } from '../read-store/validation/plain-value';
import { validateUpdate } from '../read-store/validation/validate-update';
import type { ProjectionContext } from './projection.port';
import type { WriteBatch } from './write-batch';

export const POSITION_FIELD = '_pos';

const OPERATORS = ['$set', '$unset', '$inc', '$push', '$setOnInsert'] as const;

/*
 * The projection guard: how a replay after a crash applies nothing twice, at the cost of one
 * primary-key lookup per document it touches, and no lookup at all outside the replay window.
 *
 * 1. Every guarded write stamps its document with `_pos`, the position of the event that wrote it.
 *    Writes to one collection reach the store in position order (see WriteBatch), so a document
 *    stamped S holds every write of the events up to S and none after.
 * 2. Writes can be stored before the checkpoint that covers them (a handler's read flushes the
 *    batch; a process dies between a flush and the checkpoint). Before any flush runs past the
 *    recorded mark, the runner records `writtenUpTo` in the projection's checkpoint document (with
 *    headroom, so a steady run records it once per batch, not per flush). After a restart the
 *    events in (checkpoint, writtenUpTo] are the replay window: the only ones whose writes may
 *    already be stored. Rebuilds and everything after the window write plain `_id` upserts.
 * 3. In the window a write is marked `guarded`. When the batch is flushed, the stamps of the
 *    guarded documents are read by `_id` (an indexed lookup in every adapter: MongoDB and FerretDB,
 *    PostgreSQL and SQLite primary keys, the memory map), once per document and window (the batch
 *    then knows the stamps it wrote), and a write whose document is already stamped at or past its
 *    event is dropped; the rest go out as plain `_id` upserts. No filter on
 *    `_pos` is ever sent: FerretDB cannot answer one from an index, so it scanned the collection
 *    once per replayed write.
 * A store that writes a batch and its checkpoint in one transaction has no window (writtenUpTo
 * never runs ahead of a committed checkpoint), so nothing is guarded there. Deletes are not
 * guarded: deleting again changes nothing.
 */

/** The ProjectionContext of one runner: checks each write when the handler makes it, queues it. */
export class GuardedWrites implements ProjectionContext {
  position = 0;
  /** The end of the replay window of this run (see above); events up to it are guarded. */
  guardUpTo = 0;
  /** Documents this event already updated, per collection. */
  private readonly touched = new Map<string, Set<DocumentId>>();

  constructor(
    private readonly batch: WriteBatch,
    private readonly collections: ReadonlySet<string>,
  ) {}

  /** Called before each event's handler. */
  begin(position: number): void {
    this.position = position;
    for (const ids of this.touched.values()) ids.clear();
  }

  guardedUpdate(collection: string, id: DocumentId, update: UpdateOperators): void {
    this.checkTarget(collection, id);
    const checked = validateUpdate(update);
    for (const op of OPERATORS) {
      const fields = checked[op];
      if (!fields) continue;
      for (const path in fields) {
        if (path === POSITION_FIELD || path.startsWith(`${POSITION_FIELD}.`)) {
          throw new ValidationError(`update.${op}.${path}`, 'is reserved for the projection guard');
        }
      }
    }
    let ids = this.touched.get(collection);
    if (!ids) this.touched.set(collection, (ids = new Set()));
    if (ids.has(id))
      throw new ValidationError(
        'id',
        `${collection}/${id} was already updated by this event: combine the updates into one`,
      );
    ids.add(id);
    const position = this.position;
    // `checked` is validateUpdate's private copy: stamping it keeps it valid (and known as such).
    (checked.$set ??= {})._pos = position;
    this.batch.add({
      collection,
      id,
      position,
      guarded: position <= this.guardUpTo,
      op: { updateOne: { filter: { _id: id }, update: checked, upsert: true } },
    });
  }

  delete(collection: string, id: DocumentId): void {
    this.checkTarget(collection, id);
    this.batch.add({ collection, id, op: { deleteOne: { filter: { _id: id } } } });
  }

  private checkTarget(collection: string, id: DocumentId): void {
    if (!this.collections.has(collection)) {
      throw new ValidationError(
        'collection',
        `${collection} is not one of the projection's collections (${[...this.collections].join(', ')})`,
      );
    }
    checkDocumentId(id, 'id');
  }
}
