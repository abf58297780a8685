import { NotFoundError, ValidationError } from '@hotline/contracts';
import { DuplicateKeyError } from '../read-store.errors';
import type { DocumentId, IndexDescription, IndexKey } from '../read-store.port';
import { MemoryIndex } from './memory-index';

type Doc = Record<string, unknown>;

export const ID_INDEX: IndexDescription = { name: '_id_', key: { _id: 1 }, unique: true };

/** Index keys a document will be stored under, checked against the unique indexes. */
export type IndexEntries = Map<MemoryIndex, string[]>;

/** A memory collection's indexes besides `_id_` (which is the collection's Map itself). */
export class SecondaryIndexes {
  private readonly byName = new Map<string, MemoryIndex>();

  constructor(private readonly collection: string) {}

  get size(): number {
    return this.byName.size;
  }

  values(): IterableIterator<MemoryIndex> {
    return this.byName.values();
  }

  /** Builds an index over `docs`; the same spec again is a no-op. Returns its name. */
  create(spec: { name: string; key: IndexKey; unique: boolean }, docs: Map<DocumentId, Doc>): string {
    if (spec.name === ID_INDEX.name || JSON.stringify(spec.key) === JSON.stringify(ID_INDEX.key))
      return ID_INDEX.name;
    const existing = this.byName.get(spec.name);
    if (existing) {
      if (existing.sameSpec(spec.key, spec.unique)) return spec.name;
      throw new ValidationError(
        'options.name',
        `an index named ${spec.name} exists with another key or options`,
      );
    }
    const index = new MemoryIndex({ name: spec.name, key: spec.key, unique: spec.unique });
    for (const [id, doc] of docs) {
      const keys = index.keysOf(doc);
      if (index.conflict(keys, id) !== undefined) throw new DuplicateKeyError(this.collection, spec.name);
      index.add(keys, id);
    }
    this.byName.set(spec.name, index);
    return spec.name;
  }

  drop(name: string): void {
    if (name === ID_INDEX.name) throw new ValidationError('name', 'the _id index cannot be dropped');
    if (!this.byName.delete(name)) throw new NotFoundError('index', `${this.collection}.${name}`);
  }

  list(): IndexDescription[] {
    return [ID_INDEX, ...[...this.byName.values()].map((i) => i.description)];
  }

  /** Each index's keys for `doc`; a DuplicateKeyError when a unique one is held by another document. */
  entriesFor(doc: Doc, id: DocumentId, operationIndex?: number): IndexEntries {
    const entries: IndexEntries = new Map();
    for (const index of this.byName.values()) {
      const keys = index.keysOf(doc);
      if (index.conflict(keys, id) !== undefined)
        throw new DuplicateKeyError(this.collection, index.name, operationIndex);
      entries.set(index, keys);
    }
    return entries;
  }

  add(entries: IndexEntries, id: DocumentId): void {
    for (const [index, keys] of entries) index.add(keys, id);
  }

  remove(doc: Doc, id: DocumentId): void {
    for (const index of this.byName.values()) index.remove(index.keysOf(doc), id);
  }

  clear(): void {
    this.byName.clear();
  }
}
