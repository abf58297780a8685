import { HotlineError } from '@hotline/contracts';
import type { ReadCollection, ReadDocument, ReadStore } from '../read-store/read-store.port';

/**
 * The store a handler sees: every call first writes the batch's queued writes, so a handler reads
 * what earlier events (and its own guarded writes) produced. Closing is the runner's business.
 */
export class FlushingReadStore implements ReadStore {
  constructor(
    private readonly store: ReadStore,
    private readonly flush: () => Promise<void>,
  ) {}

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    const target = this.store.collection<T>(name);
    const flush = this.flush;
    // Every member of a collection is a method returning a promise, except its name.
    return new Proxy(target, {
      get(coll, property, receiver) {
        const value: unknown = Reflect.get(coll, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await flush();
          return (value as (...a: unknown[]) => Promise<unknown>).apply(coll, args);
        };
      },
    });
  }

  async listCollections(): Promise<string[]> {
    await this.flush();
    return this.store.listCollections();
  }

  async dropDatabase(): Promise<void> {
    throw new HotlineError(
      'rule',
      'PROJECTION_STORE_SHARED',
      'a projection handler cannot drop the database; rebuild the projection instead',
    );
  }

  async close(): Promise<void> {
    throw new HotlineError(
      'rule',
      'PROJECTION_STORE_SHARED',
      'a projection handler cannot close the store it is given',
    );
  }
}
