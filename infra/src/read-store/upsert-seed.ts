import { ValidationError } from '@hotline/contracts';
import { isPlainObject } from './validation/plain-value';

type Doc = Record<string, unknown>;

function setPath(doc: Doc, path: string, value: unknown): void {
  // A top-level field (most are): no split, no array per write.
  if (!path.includes('.')) {
    doc[path] = value;
    return;
  }
  const segments = path.split('.');
  let current = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    current = isPlainObject(next) ? next : (current[segment] = {});
  }
  current[segments[segments.length - 1] as string] = value;
}

/** What an upsert inserts before its update runs: the filter's equality conditions, as MongoDB does. */
export function upsertSeed(filter: Record<string, unknown>, seed: Doc = {}): Doc {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      for (const part of condition as Record<string, unknown>[]) upsertSeed(part, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    const operators = isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'));
    if (!operators) setPath(seed, key, structuredClone(condition));
    else if ('$eq' in condition) setPath(seed, key, structuredClone(condition.$eq));
  }
  return seed;
}

function getPath(doc: Doc, path: string): unknown {
  if (!path.includes('.')) return doc[path];
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function unsetPath(doc: Doc, path: string): void {
  const segments = path.split('.');
  const parent = getPath(doc, segments.slice(0, -1).join('.'));
  const target = segments.length === 1 ? doc : parent;
  if (isPlainObject(target)) delete target[segments[segments.length - 1] as string];
}

/**
 * The document an upsert inserts: the seed with a validated update applied (`$setOnInsert`
 * included), computed here rather than by the engine since nothing is stored yet. Refuses what
 * MongoDB refuses: `$inc` on a seeded non-number, `$push` onto a seeded non-array.
 */
export function insertedDocument(
  seed: Doc,
  update: Record<string, Record<string, unknown> | undefined>,
): Doc {
  const doc = seed;
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, value] of Object.entries(fields ?? {})) {
      switch (op) {
        case '$set':
        case '$setOnInsert':
          if (path !== '_id') setPath(doc, path, value);
          break;
        case '$unset':
          unsetPath(doc, path);
          break;
        case '$inc': {
          const current = getPath(doc, path) ?? 0;
          if (typeof current !== 'number')
            throw new ValidationError(`update.$inc.${path}`, 'cannot increment a field that is not a number');
          setPath(doc, path, current + (value as number));
          break;
        }
        case '$push': {
          const current = getPath(doc, path) ?? [];
          if (!Array.isArray(current))
            throw new ValidationError(
              `update.$push.${path}`,
              'cannot push onto a field that is not an array',
            );
          const each: unknown[] =
            isPlainObject(value) && Array.isArray(value.$each) ? (value.$each as unknown[]) : [value];
          setPath(doc, path, [...(current as unknown[]), ...each]);
          break;
        }
        default:
          throw new ValidationError(`update.${op}`, 'is not a supported update operator');
      }
    }
  }
  return doc;
}
