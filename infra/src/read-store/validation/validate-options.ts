import { ValidationError } from '@hotline/contracts';
import type { CreateIndexOptions, FindOptions, IndexKey, ProjectionSpec, SortSpec } from '../read-store.port';
import { checkFieldPath, isPlainObject } from './plain-value';

const COLLECTION_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;

export function validateCollectionName(name: unknown, field = 'name'): asserts name is string {
  if (
    typeof name !== 'string' ||
    name.length > 120 ||
    !COLLECTION_NAME.test(name) ||
    name.startsWith('system.')
  ) {
    throw new ValidationError(
      field,
      'must be 1-120 characters of letters, digits, _ - and inner dots, not system.*',
    );
  }
}

export function validateDatabaseName(name: unknown, field = 'dbName'): asserts name is string {
  if (typeof name !== 'string' || !DATABASE_NAME.test(name))
    throw new ValidationError(field, 'must be 1-63 letters, digits, _ or -');
}

function validateDirections(spec: unknown, field: string): void {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0)
    throw new ValidationError(field, 'must be a non-empty object');
  for (const [path, direction] of Object.entries(spec)) {
    checkFieldPath(path, `${field}.${path}`);
    if (direction !== 1 && direction !== -1) throw new ValidationError(`${field}.${path}`, 'must be 1 or -1');
  }
}

export function validateSort(sort: unknown, field: string): asserts sort is SortSpec {
  validateDirections(sort, field);
}

export function validateProjection(projection: unknown, field: string): asserts projection is ProjectionSpec {
  if (!isPlainObject(projection) || Object.keys(projection).length === 0)
    throw new ValidationError(field, 'must be a non-empty object');
  let included = false;
  let excluded = false;
  for (const [path, value] of Object.entries(projection)) {
    checkFieldPath(path, `${field}.${path}`);
    if (value !== 0 && value !== 1) throw new ValidationError(`${field}.${path}`, 'must be 0 or 1');
    if (path === '_id') continue;
    if (value === 1) included = true;
    else excluded = true;
  }
  if (included && excluded)
    throw new ValidationError(field, 'must either include or exclude fields, not both (except _id)');
}

const FIND_KEYS = new Set(['sort', 'skip', 'limit', 'projection']);

export function validateFindOptions(options: unknown, field = 'options'): FindOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new ValidationError(field, 'must be a plain object');
  for (const key of Object.keys(options)) {
    if (!FIND_KEYS.has(key)) throw new ValidationError(`${field}.${key}`, 'is not a supported option');
  }
  const { sort, skip, limit, projection } = options;
  if (sort !== undefined) validateSort(sort, `${field}.sort`);
  if (skip !== undefined && (!Number.isSafeInteger(skip) || (skip as number) < 0)) {
    throw new ValidationError(`${field}.skip`, 'must be an integer >= 0');
  }
  if (limit !== undefined && (!Number.isSafeInteger(limit) || (limit as number) < 1)) {
    throw new ValidationError(`${field}.limit`, 'must be an integer >= 1 (leave it out for no limit)');
  }
  if (projection !== undefined) validateProjection(projection, `${field}.projection`);
  return options;
}

export function validateUpsertOption(options: unknown, field = 'options'): boolean {
  if (options === undefined) return false;
  if (!isPlainObject(options)) throw new ValidationError(field, 'must be a plain object');
  for (const key of Object.keys(options)) {
    if (key !== 'upsert') throw new ValidationError(`${field}.${key}`, 'is not a supported option');
  }
  if (options.upsert !== undefined && typeof options.upsert !== 'boolean')
    throw new ValidationError(`${field}.upsert`, 'must be true or false');
  return options.upsert === true;
}

/** MongoDB's default index name: `a_1_b_-1`. */
export const defaultIndexName = (key: IndexKey): string =>
  Object.entries(key)
    .map(([path, direction]) => `${path}_${direction}`)
    .join('_');

export function validateIndex(
  key: unknown,
  options: unknown,
): { key: IndexKey; unique: boolean; name: string } {
  validateDirections(key, 'key');
  const spec = key as IndexKey;
  if (options !== undefined && !isPlainObject(options))
    throw new ValidationError('options', 'must be a plain object');
  const { unique = false, name, ...rest } = (options ?? {}) as CreateIndexOptions & Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new ValidationError(`options.${unknown}`, 'is not a supported option');
  if (typeof unique !== 'boolean') throw new ValidationError('options.unique', 'must be true or false');
  if (
    name !== undefined &&
    (typeof name !== 'string' || name.length === 0 || name.length > 120 || name.startsWith('$'))
  ) {
    throw new ValidationError(
      'options.name',
      'must be a non-empty string of at most 120 characters, not starting with $',
    );
  }
  return { key: spec, unique, name: name ?? defaultIndexName(spec) };
}
