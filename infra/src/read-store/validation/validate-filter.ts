import { ValidationError } from '@hotline/contracts';
import type { Filter } from '../read-store.port';
import { checkFieldPath, clonePlain, isPlainObject, isSimplePath } from './plain-value';

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** True for `{ $gt: 1, ... }`; an object mixing `$` keys with field names is malformed. */
export function isOperatorObject(
  value: unknown,
  field: string | (() => string),
): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  let operators = 0;
  for (const key in value) {
    keys++;
    if (key.charCodeAt(0) === 36 /* $ */) operators++;
  }
  if (operators > 0 && operators < keys) {
    throw new ValidationError(
      typeof field === 'string' ? field : field(),
      'mixes query operators with field names',
    );
  }
  return operators > 0;
}

/** Scalars are plain by definition; only objects and odd values need the full walk (and a field name). */
function checkPlain(value: unknown, field: () => string): void {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  clonePlain(value, field());
}

function checkArray(value: unknown, field: () => string): void {
  if (!Array.isArray(value)) throw new ValidationError(field(), 'must be an array');
  value.forEach((item, i) => checkPlain(item, () => `${field()}[${i}]`));
}

function validateOperators(condition: Record<string, unknown>, field: () => string): void {
  for (const op in condition) {
    const operand = condition[op];
    const at = (): string => `${field()}.${op}`;
    switch (op) {
      case '$eq':
      case '$ne':
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        checkPlain(operand, at);
        break;
      case '$in':
      case '$nin':
      case '$all':
        checkArray(operand, at);
        break;
      case '$exists':
        if (typeof operand !== 'boolean') throw new ValidationError(at(), 'must be true or false');
        break;
      case '$size':
        if (!Number.isSafeInteger(operand) || (operand as number) < 0)
          throw new ValidationError(at(), 'must be an integer >= 0');
        break;
      case '$not':
        if (!isOperatorObject(operand, at))
          throw new ValidationError(at(), 'must be an object of query operators');
        validateOperators(operand, at);
        break;
      case '$elemMatch':
        if (isOperatorObject(operand, at)) validateOperators(operand, at);
        else validateFilter(operand, at());
        break;
      case '$regex':
        if (typeof operand !== 'string') throw new ValidationError(at(), 'must be a string pattern');
        try {
          new RegExp(operand);
        } catch {
          throw new ValidationError(at(), 'is not a valid regular expression');
        }
        break;
      case '$options':
        if (typeof operand !== 'string' || !/^[imsx]*$/.test(operand))
          throw new ValidationError(at(), 'must be made of the flags i, m, s, x');
        if (condition.$regex === undefined) throw new ValidationError(at(), 'needs $regex beside it');
        break;
      default:
        throw new ValidationError(at(), 'is not a supported query operator');
    }
  }
}

/**
 * Throws a ValidationError naming the first malformed part of a query filter. Field names are built
 * only when there is an error: this runs for every read and write.
 */
export function validateFilter(filter: unknown, field = 'filter'): asserts filter is Filter {
  if (!isPlainObject(filter)) throw new ValidationError(field, 'must be a plain object');
  for (const key in filter) {
    const value = filter[key];
    const at = (): string => `${field}.${key}`;
    if (key.charCodeAt(0) === 36 /* $ */) {
      if (!LOGICAL.has(key)) throw new ValidationError(at(), 'is not a supported query operator');
      if (!Array.isArray(value) || value.length === 0)
        throw new ValidationError(at(), 'must be a non-empty array of filters');
      value.forEach((item, i) => validateFilter(item, `${at()}[${i}]`));
      continue;
    }
    if (!isSimplePath(key)) checkFieldPath(key, at());
    if (value === undefined) throw new ValidationError(at(), 'must not be undefined');
    if (isOperatorObject(value, at)) validateOperators(value, at);
    else checkPlain(value, at);
  }
}
