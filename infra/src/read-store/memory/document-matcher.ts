import { Query } from 'mingo';
import { compileFastMatch } from './fast-match';

export type Matcher = (doc: Record<string, unknown>) => boolean;

/** mingo's defaults, spelled out: `_id` is the key, and comparisons follow MongoDB's strict rules. */
export const MINGO_OPTIONS = { idKey: '_id', useStrictMode: true } as const;

/** The fast path first; mingo (compiled once, only when needed) for whatever it leaves open. */
export function createMatcher(filter: Record<string, unknown>): Matcher {
  if (Object.keys(filter).length === 0) return () => true;
  let query: Query | undefined;
  const slow: Matcher = (doc) => (query ??= new Query(filter, MINGO_OPTIONS)).test(doc);
  const fast = compileFastMatch(filter);
  return fast ? (doc) => fast(doc) ?? slow(doc) : slow;
}
