import { ValidationError } from '@hotline/contracts';
import type { Filter, UpdateOperators } from '../read-store.port';
import { cloneDocument, isPlainObject } from './plain-value';
import { validateFilter } from './validate-filter';
import { validateUpdate } from './validate-update';

/** A bulk operation after validation: values copied, one shape per kind. */
export type CheckedOperation =
  | { kind: 'insertOne'; document: Record<string, unknown> }
  | { kind: 'updateOne' | 'updateMany'; filter: Filter; update: UpdateOperators; upsert: boolean }
  | { kind: 'deleteOne' | 'deleteMany'; filter: Filter };

function checkKeys(spec: Record<string, unknown>, allowed: string[], field: string): void {
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key)) throw new ValidationError(`${field}.${key}`, 'is not a supported field');
  }
}

function checkOperation(operation: unknown, field: string): CheckedOperation {
  const kinds = isPlainObject(operation) ? Object.keys(operation) : [];
  const kind = kinds[0];
  const spec = kind === undefined ? undefined : (operation as Record<string, unknown>)[kind];
  if (kind === undefined || kinds.length !== 1 || !isPlainObject(spec)) {
    throw new ValidationError(
      field,
      'must be one of { insertOne | updateOne | updateMany | deleteOne | deleteMany: {...} }',
    );
  }
  const at = `${field}.${kind}`;
  switch (kind) {
    case 'insertOne':
      checkKeys(spec, ['document'], at);
      return { kind, document: cloneDocument(spec.document, `${at}.document`) };
    case 'updateOne':
    case 'updateMany': {
      checkKeys(spec, ['filter', 'update', 'upsert'], at);
      validateFilter(spec.filter, `${at}.filter`);
      if (spec.upsert !== undefined && typeof spec.upsert !== 'boolean')
        throw new ValidationError(`${at}.upsert`, 'must be true or false');
      return {
        kind,
        filter: spec.filter,
        update: validateUpdate(spec.update, `${at}.update`),
        upsert: spec.upsert === true,
      };
    }
    case 'deleteOne':
    case 'deleteMany':
      checkKeys(spec, ['filter'], at);
      validateFilter(spec.filter, `${at}.filter`);
      return { kind, filter: spec.filter };
    default:
      throw new ValidationError(at, 'is not a supported bulk operation');
  }
}

/** Every operation is checked before the first one runs, so a malformed batch changes nothing. */
export function validateBulk(operations: unknown): CheckedOperation[] {
  if (!Array.isArray(operations) || operations.length === 0)
    throw new ValidationError('operations', 'must be a non-empty array');
  return operations.map((op, i) => checkOperation(op, `operations[${i}]`));
}
