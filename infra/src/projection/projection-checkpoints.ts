import type { ReadDocument, ReadStore } from '../read-store/read-store.port';

export const CHECKPOINTS_COLLECTION = '_checkpoints';

export interface ProjectionCheckpoint extends ReadDocument {
  _id: string;
  /** Position of the last event whose writes are stored. */
  position: number;
  /** The projection version that wrote them. */
  version: number;
  /**
   * No write of an event past this position has been sent to the store: after a crash, the events
   * in (position, writtenUpTo] are the replay window (see guarded-writes.ts). Absent in checkpoints
   * written before it was recorded.
   */
  writtenUpTo?: number;
  /**
   * On a shadow rebuild's checkpoint, in a store without transactions: its swap has begun, and these
   * collections were never written by it (see shadow-swap.ts).
   */
  swapping?: { unwritten: string[] };
}

/** One document per projection in `_checkpoints`, in the same store as the read model it guards. */
export class ProjectionCheckpoints {
  constructor(private readonly store: ReadStore) {}

  private get collection() {
    return this.store.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION);
  }

  load(name: string): Promise<ProjectionCheckpoint | null> {
    return this.collection.findOne({ _id: name });
  }

  async save(name: string, position: number, version: number): Promise<void> {
    await this.collection.updateOne({ _id: name }, { $set: { position, version } }, { upsert: true });
  }

  /** Recorded before a flush that may run ahead of the checkpoint. */
  async saveWrittenUpTo(name: string, writtenUpTo: number, version: number): Promise<void> {
    await this.collection.updateOne(
      { _id: name },
      { $set: { writtenUpTo, version }, $setOnInsert: { position: 0 } },
      { upsert: true },
    );
  }

  async markSwapping(name: string, unwritten: string[]): Promise<void> {
    await this.collection.updateOne({ _id: name }, { $set: { swapping: { unwritten } } });
  }

  async remove(name: string): Promise<void> {
    await this.collection.deleteOne({ _id: name });
  }
}
