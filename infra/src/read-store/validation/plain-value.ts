import { ValidationError } from '@hotline/contracts';
import type { DocumentId } from '../read-store.port';

const MAX_DEPTH = 100;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A field name as stored: not empty, no leading `$`, no `.` (a path separator), no NUL. */
export function checkFieldName(name: string, field: string): void {
  if (name === '') throw new ValidationError(field, 'field names must not be empty');
  if (name.startsWith('$')) throw new ValidationError(field, `field names must not start with $ ("${name}")`);
  if (name.includes('.')) throw new ValidationError(field, `field names must not contain "." ("${name}")`);
  if (name.includes('\0')) throw new ValidationError(field, 'field names must not contain NUL');
}

/** A dotted path such as `stats.open`: every segment a valid field name. */
export function checkFieldPath(path: string, field: string): void {
  if (path === '') throw new ValidationError(field, 'field paths must not be empty');
  // The common case, a plain name or dotted path, passes with one scan and no allocation.
  if (!/^[^$.\0]+(?:\.[^$.\0]+)*$/.test(path)) {
    for (const segment of path.split('.')) checkFieldName(segment, field);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Deep-copies a plain JS value (string, finite number, boolean, null, array, plain object), dropping
 * object properties that are `undefined`. Anything else (Date, ObjectId, Map, NaN, functions…) is a
 * ValidationError naming the field: the read store holds only what both mingo and BSON keep as is.
 */
export function clonePlain(value: unknown, field: string, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new ValidationError(field, `must be a finite number, got ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw new ValidationError(field, `nests deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw new ValidationError(`${field}[${i}]`, 'must not be undefined');
          copy[i] = clonePlain(item, `${field}[${i}]`, depth + 1);
        }
        return copy;
      }
      if (!isPlainObject(value)) {
        throw new ValidationError(field, `must be a plain value, got ${describe(value)} (store dates as ISO strings)`);
      }
      const copy: Record<string, unknown> = {};
      for (const key in value) {
        const item = value[key];
        if (item === undefined) continue;
        checkFieldName(key, `${field}.${key}`);
        copy[key] = clonePlain(item, `${field}.${key}`, depth + 1);
      }
      return copy;
    }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      throw new ValidationError(field, `must be a plain value, got ${describe(value)}`);
  }
}

export function checkDocumentId(id: unknown, field: string): asserts id is DocumentId {
  if (typeof id === 'string') return;
  if (typeof id === 'number' && Number.isFinite(id)) return;
  throw new ValidationError(field, `must be a string or a finite number, got ${describe(id)}`);
}

/** A copy of a document to store; `_id`, when present, must be a string or a number. */
export function cloneDocument(document: unknown, field: string): Record<string, unknown> {
  if (!isPlainObject(document)) throw new ValidationError(field, 'must be a plain object');
  if (document._id !== undefined) checkDocumentId(document._id, `${field}._id`);
  return clonePlain(document, field) as Record<string, unknown>;
}
