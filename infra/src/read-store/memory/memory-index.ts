import type { DocumentId, IndexDescription, IndexKey } from '../read-store.port';

type Doc = Record<string, unknown>;

/** One key per value so that 1 and '1' differ, as they do in MongoDB; objects by their JSON. */
export function encodeKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value === 0 ? 0 : value}`;
    case 'boolean':
      return value ? 'bt' : 'bf';
    case 'undefined':
      return 'z';
    case 'object':
      return value === null ? 'z' : `o${JSON.stringify(value)}`;
    case 'bigint':
    case 'symbol':
    case 'function':
      return `o${String(value)}`;
  }
}

/**
 * A secondary index over documents held elsewhere. Single-field indexes are multikey like
 * MongoDB's (an array value is indexed by each element, so `{ tags: 'x' }` finds it); a missing
 * field is indexed as null. Compound indexes key the tuple of values (arrays by their JSON).
 */
export class MemoryIndex {
  readonly paths: string[][];
  private readonly entries = new Map<string, Set<DocumentId>>();

  constructor(readonly description: IndexDescription) {
    this.paths = Object.keys(description.key).map((path) => path.split('.'));
  }

  get name(): string {
    return this.description.name;
  }

  sameSpec(key: IndexKey, unique: boolean): boolean {
    return JSON.stringify(key) === JSON.stringify(this.description.key) && unique === this.description.unique;
  }

  keysOf(doc: Doc): string[] {
    if (this.paths.length === 1) {
      const value = this.value(doc, this.paths[0] ?? []);
      if (!Array.isArray(value)) return [encodeKey(value)];
      if (value.length === 0) return ['z'];
      return [...new Set(value.map(encodeKey))];
    }
    return [JSON.stringify(this.paths.map((path) => encodeKey(this.value(doc, path))))];
  }

  /** The id of another document holding one of these keys, when the index is unique. */
  conflict(keys: string[], id: DocumentId): DocumentId | undefined {
    if (!this.description.unique) return undefined;
    for (const key of keys) {
      const holders = this.entries.get(key);
      if (!holders) continue;
      for (const holder of holders) if (holder !== id) return holder;
    }
    return undefined;
  }

  add(keys: string[], id: DocumentId): void {
    for (const key of keys) {
      let holders = this.entries.get(key);
      if (!holders) this.entries.set(key, (holders = new Set()));
      holders.add(id);
    }
  }

  remove(keys: string[], id: DocumentId): void {
    for (const key of keys) {
      const holders = this.entries.get(key);
      holders?.delete(id);
      if (holders?.size === 0) this.entries.delete(key);
    }
  }

  /** Ids of documents whose single indexed field equals `value` (or holds it in an array). */
  lookup(value: unknown): ReadonlySet<DocumentId> {
    return this.entries.get(encodeKey(value)) ?? new Set();
  }

  private value(doc: Doc, path: string[]): unknown {
    let current: unknown = doc;
    for (const segment of path) {
      if (
        typeof current !== 'object' ||
        current === null ||
        Array.isArray(current) ||
        !Object.hasOwn(current, segment)
      )
        return undefined;
      current = (current as Doc)[segment];
    }
    return current;
  }
}
