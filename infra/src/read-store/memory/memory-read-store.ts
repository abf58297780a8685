import type { ReadCollection, ReadDocument, ReadStore } from '../read-store.port';
import { ReadStoreUnavailable } from '../read-store.errors';
import { validateCollectionName } from '../validation/validate-options';
import { MemoryCollection } from './memory-collection';

/**
 * The embedded read store: collections in memory, queried and updated with mingo. Nothing is
 * persisted; read models are rebuilt from the event store at start. Lookups by `_id` are one Map
 * access, and equality on a field with an index uses the index.
 */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection>();
  private closed = false;
  private readonly assertOpen = (): void => {
    if (this.closed) throw new ReadStoreUnavailable('the memory read store is closed');
  };

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    validateCollectionName(name);
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new MemoryCollection(name, this.assertOpen)));
    return collection;
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    return [...this.collections.values()]
      .filter((c) => c.exists)
      .map((c) => c.name)
      .sort();
  }

  async dropDatabase(): Promise<void> {
    this.assertOpen();
    for (const collection of this.collections.values()) collection.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
