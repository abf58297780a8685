import { ValidationError } from '@hotline/contracts';
import type { DocumentId, UpdateOperators } from '../read-store/read-store.port';
import { checkDocumentId } from '../read-store/validation/plain-value';
import { validateUpdate } from '../read-store/validation/validate-update';
import type { ProjectionContext } from './projection.port';
import type { WriteBatch } from './write-batch';

export const POSITION_FIELD = '_pos';

/** The ProjectionContext of one runner: checks each write when the handler makes it, queues it. */
export class GuardedWrites implements ProjectionContext {
  position = 0;
  private readonly touched = new Set<string>();

  constructor(
    private readonly batch: WriteBatch,
    private readonly collections: ReadonlySet<string>,
  ) {}

  /** Called before each event's handler. */
  begin(position: number): void {
    this.position = position;
    this.touched.clear();
  }

  guardedUpdate(collection: string, id: DocumentId, update: UpdateOperators): void {
    this.checkTarget(collection, id);
    const checked = validateUpdate(update);
    for (const op of Object.keys(checked) as (keyof UpdateOperators)[]) {
      if (checked[op]?.[POSITION_FIELD] !== undefined) throw new ValidationError(`update.${op}.${POSITION_FIELD}`, 'is reserved for the projection guard');
    }
    const key = `${collection}\u0000${typeof id}:${id}`;
    if (this.touched.has(key)) {
      throw new ValidationError('id', `${collection}/${id} was already updated by this event: combine the updates into one`);
    }
    this.touched.add(key);
    const position = this.position;
    this.batch.add({
      collection,
      id,
      position,
      op: {
        updateOne: {
          filter: { _id: id, [POSITION_FIELD]: { $not: { $gte: position } } },
          update: { ...checked, $set: { ...checked.$set, [POSITION_FIELD]: position } },
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
      throw new ValidationError('collection', `${collection} is not one of the projection's collections (${[...this.collections].join(', ')})`);
    }
    checkDocumentId(id, 'id');
  }
}
