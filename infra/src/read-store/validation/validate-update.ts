import { ValidationError } from '@hotline/contracts';
import type { UpdateOperators } from '../read-store.port';
import { checkDocumentId, checkFieldPath, clonePlain, isPlainObject, isSimplePath } from './plain-value';

const OPERATORS = ['$set', '$unset', '$inc', '$push', '$setOnInsert'] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const isOperator = (key: string): key is Operator => OPERATOR_SET.has(key);

/** a and a.b overlap; a and ab do not. */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < b.length) return b.charCodeAt(a.length) === 46 /* . */ && b.startsWith(a);
  return a.charCodeAt(b.length) === 46 /* . */ && a.startsWith(b);
}

function cloneOperand(op: Operator, value: unknown, at: string): unknown {
  switch (op) {
    case '$set':
    case '$setOnInsert':
      return clonePlain(value, at);
    case '$unset':
      return '';
    case '$inc':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new ValidationError(at, 'must be a finite number');
      return value;
    case '$push': {
      if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$')))
        return clonePlain(value, at);
      const keys = Object.keys(value);
      if (keys.length !== 1 || keys[0] !== '$each')
        throw new ValidationError(at, 'supports only { $each: [...] }');
      if (!Array.isArray(value.$each)) throw new ValidationError(`${at}.$each`, 'must be an array');
      return { $each: clonePlain(value.$each, `${at}.$each`) };
    }
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/**
 * Marks the updates this module produced: private copies that already passed. A projection's write
 * is checked when its handler makes it and again when the batch reaches the store; the second time
 * is free. (A symbol key: invisible to for-in, Object.keys and BSON; a WeakSet costs ~1 µs a write.)
 */
const VALIDATED = Symbol('validated update');

/**
 * Checks an update and returns a deep copy of it (values included), so the caller can't change what
 * gets stored after the call. Paths must not touch `_id` (except `$setOnInsert._id`) nor overlap.
 * Field names for errors are built only when there is an error: this runs for every write.
 */
export function validateUpdate(update: unknown, field = 'update'): UpdateOperators {
  if (typeof update === 'object' && update !== null && (update as { [VALIDATED]?: true })[VALIDATED])
    return update;
  if (!isPlainObject(update))
    throw new ValidationError(field, 'must be a non-empty object of update operators');
  const copy: Record<string, Record<string, unknown>> = {};
  const seen: string[] = [];
  for (const op in update) {
    const operand = update[op];
    if (!isOperator(op)) {
      throw new ValidationError(
        `${field}.${op}`,
        op.startsWith('$')
          ? `is not a supported update operator (${OPERATORS.join(', ')})`
          : 'must be an update operator: replacing whole documents is not supported',
      );
    }
    if (!isPlainObject(operand))
      throw new ValidationError(`${field}.${op}`, 'must be a non-empty object of field paths');
    const fields: Record<string, unknown> = {};
    let empty = true;
    for (const path in operand) {
      empty = false;
      const value = operand[path];
      if (!isSimplePath(path)) checkFieldPath(path, `${field}.${op}.${path}`);
      if (value === undefined) throw new ValidationError(`${field}.${op}.${path}`, 'must not be undefined');
      if (path === '_id' && op === '$setOnInsert') checkDocumentId(value, `${field}.${op}.${path}`);
      else if (path === '_id' || path.startsWith('_id.'))
        throw new ValidationError(`${field}.${op}.${path}`, '_id cannot be changed');
      for (const other of seen) {
        if (overlaps(other, path))
          throw new ValidationError(`${field}.${op}.${path}`, `conflicts with the update of ${other}`);
      }
      seen.push(path);
      const finite = typeof value === 'number' && Number.isFinite(value);
      const scalar =
        op === '$inc'
          ? finite
          : op !== '$push' &&
            op !== '$unset' &&
            (finite || typeof value === 'string' || typeof value === 'boolean');
      fields[path] = scalar ? value : cloneOperand(op, value, `${field}.${op}.${path}`);
    }
    if (empty) throw new ValidationError(`${field}.${op}`, 'must be a non-empty object of field paths');
    copy[op] = fields;
  }
  if (seen.length === 0) throw new ValidationError(field, 'must be a non-empty object of update operators');
  (copy as { [VALIDATED]?: true })[VALIDATED] = true;
  return copy;
}
