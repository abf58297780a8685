import type {
  ReadCollection,
  ReadDocument,
  ReadStore,
  ReadStoreWriter,
  RebuildLoad,
} from '../read-store/read-store.port';
import type { Projection } from './projection.port';

/** Where a projection whose version changed is rebuilt: `<collection>__v<version>`, `<name>__v<version>`. */
export const shadowName = (name: string, version: number): string => `${name}__v${version}`;

/**
 * The store a shadow rebuild writes through: the projection's collections under their shadow
 * names, everything else (the checkpoints) as is. The old read model keeps serving meanwhile.
 */
export class ShadowReadStore implements ReadStore {
  readonly writer?: () => ReadStoreWriter;
  readonly rebuildLoad?: RebuildLoad;

  constructor(
    private readonly store: ReadStore,
    private readonly projection: Projection,
  ) {
    if (store.writer) this.writer = () => (store.writer as () => ReadStoreWriter).call(store);
    const load = store.rebuildLoad;
    if (load) {
      const targets = (names: readonly string[]) => names.map((name) => this.target(name));
      this.rebuildLoad = {
        begin: (names) => load.begin(targets(names)),
        finish: (names) => load.finish(targets(names)),
        pending: (names) => load.pending(targets(names)),
      };
    }
  }

  private target(name: string): string {
    return this.projection.collections.includes(name) ? shadowName(name, this.projection.version) : name;
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    return this.store.collection<T>(this.target(name));
  }

  listCollections(): Promise<string[]> {
    return this.store.listCollections();
  }

  dropDatabase(): Promise<void> {
    throw new Error('a shadow rebuild does not drop the database');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The projection as its shadow rebuild runs it: same handler and collections, its own checkpoint. */
export const shadowProjection = (projection: Projection): Projection => ({
  ...projection,
  name: shadowName(projection.name, projection.version),
});
