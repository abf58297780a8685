import { Query } from 'mingo';
import { matchFast } from './fast-match';

export type Matcher = (doc: Record<string, unknown>) => boolean;

/** mingo's defaults, spelled out: `_id` is the key, and comparisons follow MongoDB's strict rules. */
export const MINGO_OPTIONS = { idKey: '_id', useStrictMode: true } as const;

/** The fast path first; mingo (compiled once, only when needed) for whatever it leaves open. */
export function createMatcher(filter: Record<string, unknown>): Matcher {
  let query: Query | undefined;
  return (doc) => matchFast(filter, doc) ?? (query ??= new Query(filter, MINGO_OPTIONS)).test(doc);
}
