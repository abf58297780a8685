import type { UnitDirectory, UnitLevel, UnitSnapshot } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import { UNITS } from '../read-models/read-model-collections';
import type { UnitDirectorySource } from './unit-directory-source';

interface UnitDocument {
  _id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  active: boolean;
  fallback: boolean;
}

/**
 * The unit directory from the units read model, read again only when the units projection has
 * moved on (`version` is its checkpoint), so commands do not scan the units each time.
 */
export function readModelUnitDirectory(store: ReadStore, version: () => number): UnitDirectorySource {
  let cached: { version: number; directory: Promise<UnitDirectory> } | undefined;
  const load = async (): Promise<UnitDirectory> => {
    const docs = await store.collection(UNITS).find<UnitDocument>({}, { projection: { contacts: 0 } });
    return Object.fromEntries(
      docs.map((doc): [string, UnitSnapshot] => [
        doc._id,
        {
          id: doc._id,
          name: doc.name,
          level: doc.level,
          ...(doc.parentId !== null ? { parentId: doc.parentId } : {}),
          active: doc.active,
          fallback: doc.fallback,
        },
      ]),
    );
  };
  return {
    snapshot() {
      const current = version();
      if (cached?.version !== current) {
        const directory = load();
        cached = { version: current, directory };
        directory.catch(() => {
          if (cached?.directory === directory) cached = undefined;
        });
      }
      return cached.directory;
    },
  };
}
