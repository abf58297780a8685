import type { BulkWriteOperation } from '../read-store/read-store.port';
import type { QueuedWrite } from './write-batch';

/*
 * How two queued writes of one document become one (see WriteBatch): `$set` always, `$inc` and
 * `$push` only when neither write is judged by the replay guard on its own.
 */

type UpdateOne = Extract<BulkWriteOperation, { updateOne: unknown }>['updateOne'];

type FoldableUpdate = {
  $set: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
};

const FOLDABLE_OPERATORS = new Set(['$set', '$inc', '$push']);

/** An `_id` upsert of `$set` (with `$inc` and `$push`) only: the kind two of which make one (see `add`). */
function foldable(write: QueuedWrite): FoldableUpdate | undefined {
  if (write.position === undefined || !('updateOne' in write.op)) return undefined;
  const { filter, update, upsert } = write.op.updateOne;
  if (upsert !== true || Object.keys(filter).length !== 1 || !('_id' in filter)) return undefined;
  if (Object.keys(update).some((operator) => !FOLDABLE_OPERATORS.has(operator))) return undefined;
  return update.$set ? (update as FoldableUpdate) : undefined;
}

/** Whether two paths name the same field or one lies inside the other (`a` and `a.b`). */
const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** Whether one `$set` path lies inside another (`a` and `a.b`): those two cannot share a `$set`. */
function pathsOverlap(earlier: Record<string, unknown>, later: Record<string, unknown>): boolean {
  const dotted = (set: Record<string, unknown>) => Object.keys(set).some((path) => path.includes('.'));
  if (!dotted(earlier) && !dotted(later)) return false;
  const laterPaths = Object.keys(later);
  return Object.keys(earlier).some((a) => laterPaths.some((b) => a !== b && related(a, b)));
}

/** What a `$push` of `value` appends: the items of its `$each`, or the value itself. */
const pushedItems = (value: unknown): unknown[] =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, '$each')
    ? (value as { $each: unknown[] }).$each
    : [value];

/** `$inc` and `$push` of two writes as one: increments summed, appended items in order. */
function combine(before: FoldableUpdate, later: FoldableUpdate): Omit<FoldableUpdate, '$set'> {
  const out: Omit<FoldableUpdate, '$set'> = {};
  if (before.$inc || later.$inc) {
    const $inc: Record<string, number> = { ...before.$inc };
    for (const [path, by] of Object.entries(later.$inc ?? {}))
      $inc[path] = (Object.hasOwn($inc, path) ? ($inc[path] as number) : 0) + by;
    out.$inc = $inc;
  }
  if (before.$push || later.$push) {
    const $push: Record<string, unknown> = { ...before.$push };
    for (const [path, value] of Object.entries(later.$push ?? {}))
      $push[path] = Object.hasOwn($push, path)
        ? { $each: [...pushedItems($push[path]), ...pushedItems(value)] }
        : value;
    out.$push = $push;
  }
  return out;
}

/**
 * The one update that does what `before` then `later` do, or undefined. `$inc` and `$push` fold
 * only when `counting` (neither write is guarded): a guarded write is dropped or applied whole by
 * its own position, and a sum of two increments (or two appends) could not be half applied.
 */
function fold(before: FoldableUpdate, later: FoldableUpdate, counting: boolean): FoldableUpdate | undefined {
  const counts = before.$inc || later.$inc || before.$push || later.$push;
  if (counts && !counting) return undefined;
  if (pathsOverlap(before.$set, later.$set)) return undefined;
  const $set = { ...before.$set, ...later.$set };
  if (!counts) return { $set };
  const { $inc, $push } = combine(before, later);
  const setPaths = Object.keys($set);
  const incPaths = Object.keys($inc ?? {});
  const pushPaths = Object.keys($push ?? {});
  // A field under two operators, or one counted or appended field inside another: keep them apart.
  const clash = (a: string[], b: string[]) => a.some((x) => b.some((y) => related(x, y)));
  const nested = (paths: string[]) => paths.some((x) => paths.some((y) => x !== y && related(x, y)));
  if (clash(incPaths, setPaths) || clash(pushPaths, setPaths) || clash(pushPaths, incPaths)) return undefined;
  if (nested(incPaths) || nested(pushPaths)) return undefined;
  return { $set, ...($inc ? { $inc } : {}), ...($push ? { $push } : {}) };
}

export const keyOf = (write: QueuedWrite): string => `${write.collection}\u0000${String(write.id)}`;

/** `earlier` and `later` (on the same document) as one write, or undefined (see `fold`). */
export function merge(earlier: QueuedWrite, later: QueuedWrite, counting: boolean): QueuedWrite | undefined {
  const before = foldable(earlier);
  const after = foldable(later);
  const folded = before && after ? fold(before, after, counting) : undefined;
  if (!folded) return undefined;
  const op = (earlier.op as { updateOne: UpdateOne }).updateOne;
  return { ...later, op: { updateOne: { ...op, update: folded } } };
}

/**
 * Folds the writes a flush is about to send, counters included: once the guard has dropped what
 * was already applied, every write left is applied whole, so none needs its own position any more
 * (a replay sends each document once per flush, as a rebuild does).
 */
export function coalesce(writes: QueuedWrite[]): QueuedWrite[] {
  const out: QueuedWrite[] = [];
  const latest = new Map<string, number>();
  for (const write of writes) {
    const key = keyOf(write);
    const index = latest.get(key);
    const earlier = index === undefined ? undefined : out[index];
    const folded = earlier && merge(earlier, write, true);
    if (index !== undefined && folded) {
      out[index] = folded;
      continue;
    }
    latest.set(key, out.length);
    out.push(write);
  }
  return out;
}
