import type { ReadStore } from '@hotline/infra/read-store';
import type { RouterSnapshot, RouterSnapshotStore } from './router-snapshot';

const COLLECTION = 'routing-snapshots';

interface SnapshotDocument {
  _id: string;
  revision: number;
  /** The snapshot as JSON text: skill ids (`lang.cmn`) are not field names a read store takes. */
  json: string;
  [field: string]: unknown;
}

/**
 * Snapshots in the platform's read store, one document per router stream (SQLite when embedded,
 * PostgreSQL when distributed). Instances overwrite each other's: any snapshot of the stream is a
 * correct start, a newer one only a shorter catch-up.
 */
export class ReadStoreSnapshots implements RouterSnapshotStore {
  constructor(private readonly store: ReadStore) {}

  async load(streamId: string): Promise<RouterSnapshot | undefined> {
    const doc = await this.store.collection<SnapshotDocument>(COLLECTION).findOne({ _id: streamId });
    return doc === null ? undefined : (JSON.parse(doc.json) as RouterSnapshot);
  }

  async save(streamId: string, snapshot: { revision: number; json: string }): Promise<void> {
    await this.store
      .collection<SnapshotDocument>(COLLECTION)
      .updateOne(
        { _id: streamId },
        { $set: { revision: snapshot.revision, json: snapshot.json } },
        { upsert: true },
      );
  }
}
