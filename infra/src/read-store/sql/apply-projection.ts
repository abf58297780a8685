import type { ProjectionSpec } from '../read-store.port';
import { isPlainObject } from '../validation/plain-value';

type Doc = Record<string, unknown>;

function copyPath(from: Doc, to: Doc, segments: string[]): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (!Object.hasOwn(from, head)) return;
  const value = from[head];
  if (rest.length === 0) {
    to[head] = value;
    return;
  }
  if (!isPlainObject(value)) return;
  const target = isPlainObject(to[head]) ? (to[head] as Doc) : (to[head] = {});
  copyPath(value, target, rest);
}

function removePath(doc: Doc, segments: string[]): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (rest.length === 0) {
    delete doc[head];
    return;
  }
  const value = doc[head];
  if (isPlainObject(value)) removePath(value, rest);
}

/**
 * A validated find projection applied to a parsed document: inclusion copies the named paths (and
 * `_id` unless `_id: 0`), exclusion removes them. Done after the query: the rows are parsed anyway.
 */
export function applyProjection(doc: Doc, projection: ProjectionSpec | undefined): Doc {
  if (!projection) return doc;
  const entries = Object.entries(projection);
  const inclusion =
    entries.some(([path, v]) => path !== '_id' && v === 1) || (entries.length === 1 && projection._id === 1);
  if (!inclusion) {
    for (const [path, v] of entries) if (v === 0) removePath(doc, path.split('.'));
    return doc;
  }
  const out: Doc = {};
  if (projection._id !== 0 && Object.hasOwn(doc, '_id')) out._id = doc._id;
  for (const [path, v] of entries) {
    if (v === 1 && path !== '_id') copyPath(doc, out, path.split('.'));
  }
  return out;
}
