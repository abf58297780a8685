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
  return ak.every((k) => Object.hasOwn(b, k) && same((a as Doc)[k], (b as Doc)[k]));
}

/** True when every intermediate segment of a dotted path is a plain object or missing. */
function plainPath(doc: Doc, path: string): boolean {
  let current: Doc = doc;
  let start = 0;
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', start)) {
    const key = path.slice(start, dot);
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === undefined) return true;
    if (!isPlainObject(next)) return false;
    current = next;
    start = dot + 1;
  }
  return true;
}

/** The object holding the path's last segment, and that segment; missing intermediates made (or not). */
function parentOf(doc: Doc, path: string, create: boolean): [Doc, string] | undefined {
  let current = doc;
  let start = 0;
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', start)) {
    const key = path.slice(start, dot);
    let next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === undefined) {
      if (!create) return undefined;
      current[key] = next = {};
    }
    current = next as Doc;
    start = dot + 1;
  }
  return [current, start === 0 ? path : path.slice(start)];
}

const OPERATORS = ['$setOnInsert', '$set', '$unset', '$inc', '$push'] as const;
type Operator = (typeof OPERATORS)[number];

const itemsOf = (value: unknown): unknown[] =>
  isPlainObject(value) && '$each' in value ? (value.$each as unknown[]) : [value];

function applyOne(doc: Doc, op: Operator, path: string, value: unknown): boolean {
  const simple = path.indexOf('.') === -1;
  const located = simple ? ([doc, path] as const) : parentOf(doc, path, op !== '$unset');
  if (!located) return false;
  const [parent, key] = located;
  const present = Object.hasOwn(parent, key);
  const current = present ? parent[key] : undefined;
  switch (op) {
    case '$set':
    case '$setOnInsert':
      if (present && same(current, value)) return false;
      parent[key] = value;
      return true;
    case '$unset':
      if (!present) return false;
      delete parent[key];
      return true;
    case '$inc':
      if (present && value === 0) return false;
      parent[key] = ((current as number | undefined) ?? 0) + (value as number);
      return true;
    case '$push':
      if (Array.isArray(current)) current.push(...itemsOf(value));
      else parent[key] = [...itemsOf(value)];
      return true;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

export function fastUpdate(doc: Doc, update: UpdateOperators, inserting: boolean): boolean | undefined {
  for (const op of OPERATORS) {
    const fields = update[op];
    if (!fields || (op === '$setOnInsert' && !inserting)) continue;
    for (const path in fields) {
      if (path.indexOf('.') !== -1 && !plainPath(doc, path)) return undefined;
      if (op === '$push' && itemsOf(fields[path]).length === 0) return undefined;
    }
  }
  let changed = false;
  for (const op of OPERATORS) {
    const fields = update[op];
    if (!fields || (op === '$setOnInsert' && !inserting)) continue;
    for (const path in fields) {
      if (op === '$setOnInsert' && path === '_id') continue;
      if (applyOne(doc, op, path, fields[path])) changed = true;
    }
  }
  return changed;
}
