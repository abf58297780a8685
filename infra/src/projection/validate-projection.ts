import { ValidationError } from '@hotline/contracts';
import { validateCollectionName } from '../read-store/validation/validate-options';
import { CHECKPOINTS_COLLECTION } from './projection-checkpoints';
import type { Projection } from './projection.port';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;

function checkStrings(value: unknown, field: string): void {
  if (value === undefined) return;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((v) => typeof v === 'string' && v.length > 0)
  ) {
    throw new ValidationError(field, 'must be a non-empty array of non-empty strings');
  }
}

export function validateProjection(projection: Projection): void {
  if (typeof projection !== 'object' || projection === null)
    throw new ValidationError('projection', 'must be an object');
  const { name, version, collections, filter } = projection;
  if (typeof name !== 'string' || !NAME.test(name))
    throw new ValidationError('projection.name', 'must be 1-100 letters, digits, - or _');
  if (!Number.isSafeInteger(version) || version < 1)
    throw new ValidationError('projection.version', 'must be an integer >= 1');
  if (!Array.isArray(collections) || collections.length === 0)
    throw new ValidationError('projection.collections', 'must name at least one collection');
  collections.forEach((c, i) => {
    validateCollectionName(c, `projection.collections[${i}]`);
    if (c === CHECKPOINTS_COLLECTION)
      throw new ValidationError(
        `projection.collections[${i}]`,
        `${CHECKPOINTS_COLLECTION} belongs to the runner`,
      );
  });
  if (new Set(collections).size !== collections.length)
    throw new ValidationError('projection.collections', 'must not repeat a name');
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null)
      throw new ValidationError('projection.filter', 'must be an object');
    checkStrings(filter.eventTypes, 'projection.filter.eventTypes');
    checkStrings(filter.streamPrefixes, 'projection.filter.streamPrefixes');
  }
  if (typeof projection.handle !== 'function')
    throw new ValidationError('projection.handle', 'must be a function');
  for (const hook of ['setup', 'flush', 'restart'] as const) {
    if (projection[hook] !== undefined && typeof projection[hook] !== 'function')
      throw new ValidationError(`projection.${hook}`, 'must be a function');
  }
}
