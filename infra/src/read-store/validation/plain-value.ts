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
/**
 * The common case passes with one scan of its characters: non-empty segments separated by single
 * dots, with no `$` and no NUL anywhere (stricter than the rules; the rest goes the long way).
 */
export function isSimplePath(path: string, dots = true): boolean {
  const n = path.length;
  if (n === 0) return false;
  let previous = 46; /* . */
  for (let i = 0; i < n; i++) {
    const c = path.charCodeAt(i);
    if (c === 36 /* $ */ || c === 0) return false;
    if (c === 46 /* . */ && (!dots || previous === 46)) return false;
    previous = c;
  }
  return previous !== 46;
}

export function checkFieldPath(path: string, field: string): void {
  if (isSimplePath(path)) return;
  if (path === '') throw new ValidationError(field, 'field paths must not be empty');
  for (const segment of path.split('.')) checkFieldName(segment, field);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

type PathPart = string | number;

/** `root.a[2].b`: built only when something is wrong, so the happy path allocates no strings. */
const fieldName = (root: string, path: readonly PathPart[]): string =>
  path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : `${name}.${part}`),
    root,
  );

function cloneAt(value: unknown, root: string, path: PathPart[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value))
        throw new ValidationError(fieldName(root, path), `must be a finite number, got ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (path.length >= MAX_DEPTH)
        throw new ValidationError(fieldName(root, path), `nests deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const item: unknown = value[i];
          if (item === undefined) throw new ValidationError(fieldName(root, path), 'must not be undefined');
          copy[i] = cloneAt(item, root, path);
          path.pop();
        }
        return copy;
      }
      if (!isPlainObject(value)) {
        throw new ValidationError(
          fieldName(root, path),
          `must be a plain value, got ${describe(value)} (store dates as ISO strings)`,
        );
      }
      const copy: Record<string, unknown> = {};
      for (const key in value) {
        const item = value[key];
        if (item === undefined) continue;
        path.push(key);
        if (!isSimplePath(key, false)) checkFieldName(key, fieldName(root, path));
        copy[key] = cloneAt(item, root, path);
        path.pop();
      }
      return copy;
    }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      throw new ValidationError(fieldName(root, path), `must be a plain value, got ${describe(value)}`);
  }
}

/**
 * Deep-copies a plain JS value (string, finite number, boolean, null, array, plain object), dropping
 * object properties that are `undefined`. Anything else (Date, ObjectId, Map, NaN, functions…) is a
 * ValidationError naming the field: the read store holds only what both JSON and BSON keep as is.
 */
export function clonePlain(value: unknown, field: string): unknown {
  return cloneAt(value, field, []);
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
