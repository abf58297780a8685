import type { DocumentId, Filter } from '../read-store.port';
import type { MemoryIndex } from './memory-index';

type Doc = Record<string, unknown>;

/** The value of `{ field: v }` or `{ field: { $eq: v } }` when v is a scalar, else undefined. */
function equalityOperand(condition: unknown): string | number | boolean | null | undefined {
  const value =
    typeof condition === 'object' &&
    condition !== null &&
    !Array.isArray(condition) &&
    Object.keys(condition).length === 1 &&
    '$eq' in condition
      ? condition.$eq
      : condition;
  return value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
    ? value
    : undefined;
}

/** The `_id` a filter pins with `{ _id: v }` or `{ _id: { $eq: v } }`, if any. */
export function idEquality(filter: Filter): DocumentId | undefined {
  const id = equalityOperand(filter._id);
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function* byIds(ids: Iterable<DocumentId>, docs: Map<DocumentId, Doc>): Iterable<Doc> {
  for (const id of ids) {
    const doc = docs.get(id);
    if (doc) yield doc;
  }
}

/**
 * The documents worth testing against a filter: one Map lookup for an `_id` (or `_id: { $in }`),
 * an index lookup for an equality on an indexed field, else every document. The filter is still
 * applied to whatever this returns.
 */
export function selectCandidates(
  filter: Filter,
  docs: Map<DocumentId, Doc>,
  indexes: Iterable<MemoryIndex>,
): Iterable<Doc> {
  const id = filter._id;
  const idValue = idEquality(filter);
  if (idValue !== undefined) {
    const doc = docs.get(idValue);
    return doc ? [doc] : [];
  }
  if (typeof id === 'object' && id !== null && Array.isArray((id as { $in?: unknown }).$in)) {
    const ids = (id as { $in: unknown[] }).$in.filter(
      (v): v is DocumentId => typeof v === 'string' || typeof v === 'number',
    );
    return byIds(new Set(ids), docs);
  }
  for (const index of indexes) {
    const [path, ...more] = index.paths;
    if (path === undefined || more.length > 0) continue;
    const value = equalityOperand(filter[path.join('.')]);
    if (value !== undefined) return byIds(index.lookup(value), docs);
  }
  return docs.values();
}
