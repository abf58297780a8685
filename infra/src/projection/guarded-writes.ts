import { ValidationError } from '@hotline/contracts';
import type { DocumentId, ReadStore, UpdateOperators } from '../read-store/read-store.port';
import { checkDocumentId } from '../read-store/validation/plain-value';
import { validateUpdate } from '../read-store/validation/validate-update';
import type { ProjectionContext } from './projection.port';
import type { WriteBatch } from './write-batch';

export const POSITION_FIELD = '_pos';

const OPERATORS = ['$set', '$unset', '$inc', '$push', '$setOnInsert'] as const;

/** The ProjectionContext of one runner: checks each write when the handler makes it, queues it. */
export class GuardedWrites implements ProjectionContext {
  position = 0;
  /**
   * The highest `_pos` stamped in the read model when this run started. Only events up to it can
   * find their writes already applied (by a run that died before its checkpoint); later events skip
   * the guard filter, which keeps rebuilds and steady running on a plain `_id` upsert (the one
   * filter FerretDB v1 can push down to SQLite).
   */
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
      op: {
        updateOne: {
          filter: position <= this.guardUpTo ? { _id: id, _pos: { $not: { $gte: position } } } : { _id: id },
          update: checked,
          upsert: true,
        },
      },
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

/** The highest `_pos` past `after` in the projection's collections: GuardedWrites.guardUpTo for a new run. */
export async function highestStamp(
  store: ReadStore,
  collections: readonly string[],
  after: number,
): Promise<number> {
  let highest = 0;
  for (const name of collections) {
    const [doc] = await store
      .collection(name)
      .find<{ _pos?: unknown }>(
        { _pos: { $gt: after } },
        { sort: { _pos: -1 }, limit: 1, projection: { _pos: 1 } },
      );
    if (typeof doc?._pos === 'number' && doc._pos > highest) highest = doc._pos;
  }
  return highest;
}
