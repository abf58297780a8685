import { ValidationError } from '@hotline/contracts';
import type { UpdateOperators } from '../read-store.port';
import { checkDocumentId, checkFieldPath, clonePlain, isPlainObject } from './plain-value';

const OPERATORS = ['$set', '$unset', '$inc', '$push', '$setOnInsert'] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const isOperator = (key: string): key is Operator => OPERATOR_SET.has(key);

/** a and a.b overlap; a and ab do not. */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.charCodeAt(short.length) === 46 /* . */ && long.startsWith(short);
}

function cloneOperand(op: Operator, value: unknown, at: string): unknown {
  switch (op) {
    case '$set':
    case '$setOnInsert':
      return clonePlain(value, at);
    case '$unset':
      return '';
    case '$inc':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(at, 'must be a finite number');
      return value;
    case '$push': {
      if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return clonePlain(value, at);
      const keys = Object.keys(value);
      if (keys.length !== 1 || keys[0] !== '$each') throw new ValidationError(at, 'supports only { $each: [...] }');
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
 * Checks an update and returns a deep copy of it (values included), so the caller can't change what
 * gets stored after the call. Paths must not touch `_id` (except `$setOnInsert._id`) nor overlap.
 */
export function validateUpdate(update: unknown, field = 'update'): UpdateOperators {
  if (!isPlainObject(update)) throw new ValidationError(field, 'must be a non-empty object of update operators');
  const copy: Record<string, Record<string, unknown>> = {};
  const seen: string[] = [];
  for (const op in update) {
    const operand = update[op];
    const at = `${field}.${op}`;
    if (!isOperator(op)) {
      throw new ValidationError(
        at,
        op.startsWith('$')
          ? `is not a supported update operator (${OPERATORS.join(', ')})`
          : 'must be an update operator: replacing whole documents is not supported',
      );
    }
    if (!isPlainObject(operand)) throw new ValidationError(at, 'must be a non-empty object of field paths');
    const fields: Record<string, unknown> = {};
    let empty = true;
    for (const path in operand) {
      empty = false;
      const value = operand[path];
      const pathAt = `${at}.${path}`;
      checkFieldPath(path, pathAt);
      if (value === undefined) throw new ValidationError(pathAt, 'must not be undefined');
      if (path === '_id' && op === '$setOnInsert') checkDocumentId(value, pathAt);
      else if (path === '_id' || path.startsWith('_id.')) throw new ValidationError(pathAt, '_id cannot be changed');
      for (const other of seen) {
        if (overlaps(other, path)) throw new ValidationError(pathAt, `conflicts with the update of ${other}`);
      }
      seen.push(path);
      fields[path] = cloneOperand(op, value, pathAt);
    }
    if (empty) throw new ValidationError(at, 'must be a non-empty object of field paths');
    copy[op] = fields;
  }
  if (seen.length === 0) throw new ValidationError(field, 'must be a non-empty object of update operators');
  return copy as UpdateOperators;
}
