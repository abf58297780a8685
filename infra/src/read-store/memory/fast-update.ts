import type { UpdateOperators } from '../read-store.port';
import { isPlainObject } from '../validation/plain-value';

/**
 * $set, $setOnInsert, $unset, $inc and $push applied directly when every path runs through plain
 * objects (or missing fields): the shape of nearly every projection write. mingo's operators build
 * their path graph on each call, several µs per update; this is a fraction of that. When a path
 * crosses an array or a scalar it answers `undefined` before touching anything, and the caller uses
 * mingo. The property test in fast-update.spec.ts holds it to mingo's results.
 */
type Doc = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

/** Key-order-insensitive deep equality of plain values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => same(item, other[i]));
  }
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => hasOwn.call(b, k) && same((a as Doc)[k], (b as Doc)[k]));
}

/** True when every intermediate segment is a plain object or missing. */
function plainPath(doc: Doc, segments: string[]): boolean {
  let current: Doc = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = hasOwn.call(current, segments[i] as string) ? current[segments[i] as string] : undefined;
    if (next === undefined) return true;
    if (!isPlainObject(next)) return false;
    current = next;
  }
  return true;
}

/** The object holding the last segment, creating missing intermediates (or not). */
function parentOf(doc: Doc, segments: string[], create: boolean): Doc | undefined {
  let current = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i] as string;
    let next = hasOwn.call(current, key) ? current[key] : undefined;
    if (next === undefined) {
      if (!create) return undefined;
      current[key] = next = {};
    }
    current = next as Doc;
  }
  return current;
}

export function fastUpdate(doc: Doc, update: UpdateOperators, inserting: boolean): boolean | undefined {
  const ops: [keyof UpdateOperators, string[], unknown][] = [];
  for (const op of ['$setOnInsert', '$set', '$unset', '$inc', '$push'] as const) {
    const fields = update[op];
    if (!fields || (op === '$setOnInsert' && !inserting)) continue;
    for (const path in fields) {
      if (op === '$setOnInsert' && path === '_id') continue;
      const segments = path.split('.');
      if (!plainPath(doc, segments)) return undefined;
      const value = fields[path];
      if (op === '$push' && isPlainObject(value) && '$each' in value && (value.$each as unknown[]).length === 0) return undefined;
      ops.push([op, segments, value]);
    }
  }
  let changed = false;
  for (const [op, segments, value] of ops) {
    const key = segments[segments.length - 1] as string;
    const parent = parentOf(doc, segments, op !== '$unset');
    if (!parent) continue;
    const present = hasOwn.call(parent, key);
    const current = present ? parent[key] : undefined;
    switch (op) {
      case '$set':
      case '$setOnInsert':
        if (present && same(current, value)) continue;
        parent[key] = value;
        break;
      case '$unset':
        if (!present) continue;
        delete parent[key];
        break;
      case '$inc':
        if (present && value === 0) continue;
        parent[key] = ((current as number | undefined) ?? 0) + (value as number);
        break;
      case '$push': {
        const items = isPlainObject(value) && '$each' in value ? (value.$each as unknown[]) : [value];
        if (Array.isArray(current)) current.push(...items);
        else parent[key] = [...items];
        break;
      }
      default: {
        const unreachable: never = op;
        return unreachable;
      }
    }
    changed = true;
  }
  return changed;
}
