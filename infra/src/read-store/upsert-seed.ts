import { isPlainObject } from './validation/plain-value';

type Doc = Record<string, unknown>;

function setPath(doc: Doc, path: string, value: unknown): void {
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
