import { uniqueViolation } from '../../postgres';
import type { BulkWriteResult, DocumentId, UpdateOperators } from '../read-store.port';
import { insertedDocument } from '../upsert-seed';
import { emptyBulkResult, withId } from '../validation/checked-collection';
import { isPlainObject } from '../validation/plain-value';
import type { CheckedOperation } from '../validation/validate-bulk';
import type { Executor } from './postgres-catalogue';
import { indexExpression } from './postgres-catalogue';
import type { PostgresReadStore } from './postgres-read-store';

type Doc = Record<string, unknown>;

const ID = indexExpression('_id');

/** The batch cannot be folded after all: the caller runs it operation by operation. */
class NotFoldable extends Error {}

/**
 * A path segment that PostgreSQL's `#>` and `#-` would read as an array index: the SQL update
 * treats those differently from a field name, so such updates take the per-operation path.
 */
const INDEX_SEGMENT = /(^|\.)-?\d+(\.|$)/;

/** The `_id` an operation targets when its filter is `{ _id: <string | number> }` alone, else undefined. */
function targetOf(op: CheckedOperation): DocumentId | undefined {
  if (op.kind === 'insertOne') return undefined;
  const keys = Object.keys(op.filter);
  const id = op.filter._id;
  if (keys.length !== 1 || (typeof id !== 'string' && typeof id !== 'number')) return undefined;
  return id;
}

function foldableUpdate(update: UpdateOperators): boolean {
  if (update.$setOnInsert && '_id' in update.$setOnInsert) return false;
  return Object.values(update).every((fields) =>
    Object.keys(fields as object).every((path) => !INDEX_SEGMENT.test(path)),
  );
}

/** Whether every operation is an `_id` write the fold applies exactly as the SQL update does. */
export function foldable(operations: readonly CheckedOperation[]): boolean {
  return operations.every((op) => {
    if (op.kind === 'insertOne') return true;
    if (targetOf(op) === undefined) return false;
    return !('update' in op) || foldableUpdate(op.update);
  });
}

const keyOf = (id: unknown): string => JSON.stringify(id);

/** A deep copy of a JSON value (`structuredClone` would give objects of another realm under Jest). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy(value[key]);
  return out as T;
}

function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function setAt(doc: Doc, path: string, value: unknown): void {
  const segments = path.split('.');
  let current = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    current = isPlainObject(next) ? next : (current[segment] = {});
  }
  current[segments[segments.length - 1] as string] = value;
}

/** Removes the field at `path`; PostgreSQL's `#-` refuses a path through an array, so that is left to it. */
function unsetAt(doc: Doc, path: string): void {
  const segments = path.split('.');
  let current: unknown = doc;
  for (const [i, segment] of segments.entries()) {
    if (Array.isArray(current)) throw new NotFoldable(`$unset ${path}`);
    if (!isPlainObject(current)) return;
    if (i === segments.length - 1) delete current[segment];
    else current = current[segment];
  }
}

/**
 * `update` applied to a stored document, as `translateUpdate` does in SQL: a refused `$inc` or
 * `$push` (the field holds another type, `null` included) throws NotFoldable, so that the
 * per-operation path reports it exactly. Paths never overlap (validated), so applying the
 * operators one after the other is the same as computing each from the old document.
 */
function updated(stored: Doc, update: UpdateOperators): Doc {
  for (const path of Object.keys(update.$inc ?? {})) {
    const old = valueAt(stored, path);
    if (old !== undefined && typeof old !== 'number') throw new NotFoldable(`$inc ${path}`);
  }
  for (const path of Object.keys(update.$push ?? {})) {
    const old = valueAt(stored, path);
    if (old !== undefined && !Array.isArray(old)) throw new NotFoldable(`$push ${path}`);
  }
  const doc = copy(stored);
  for (const [path, value] of Object.entries(update.$set ?? {})) setAt(doc, path, copy(value));
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    const old = valueAt(doc, path);
    setAt(doc, path, (typeof old === 'number' ? old : 0) + by);
  }
  for (const [path, value] of Object.entries(update.$push ?? {})) {
    const each =
      isPlainObject(value) && Array.isArray(value.$each) && Object.keys(value).length === 1
        ? (value.$each as unknown[])
        : [value];
    const old = valueAt(doc, path);
    setAt(doc, path, [...(Array.isArray(old) ? (old as unknown[]) : []), ...copy(each)]);
  }
  for (const path of Object.keys(update.$unset ?? {})) unsetAt(doc, path);
  return doc;
}

/** JSON equality as `jsonb` sees it: key order does not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
}

/**
 * A bulk write of `_id` operations in a handful of statements instead of four per operation (issue
 * 20: a projection's batch is hundreds of `_id` upserts, and each round trip counts): the touched
 * documents are read and locked in one `SELECT … FOR UPDATE`, the operations applied to them in
 * memory, in order, and the changes written back with one `DELETE`, one `UPDATE … FROM` and one
 * `INSERT … SELECT` over a JSON array (no `ON CONFLICT`, which openGauss lacks: ADR 0009). All of it
 * runs as one savepoint (or transaction), so the caller's checkpoint still commits with it.
 *
 * What could make the ordered per-operation path answer differently is left to that path: a
 * refused `$inc`/`$push`, an insert of a taken `_id`, a unique index other than `_id` (whose
 * violation depends on the order of the operations), or a unique violation from a concurrent
 * writer. Then the fold is undone and `fold` answers undefined.
 */
export async function fold(
  store: PostgresReadStore,
  name: string,
  operations: readonly CheckedOperation[],
): Promise<BulkWriteResult | undefined> {
  if (!foldable(operations)) return undefined;
  try {
    return await store.atomically((x) => foldIn(x, store, name, operations));
  } catch (error) {
    if (error instanceof NotFoldable || uniqueViolation(error) !== undefined) return undefined;
    throw error;
  }
}

async function foldIn(
  x: Executor,
  store: PostgresReadStore,
  name: string,
  operations: readonly CheckedOperation[],
): Promise<BulkWriteResult> {
  const creates = operations.some((op) => op.kind === 'insertOne' || ('upsert' in op && op.upsert));
  const info = creates ? await store.catalogue.ensure(x, name) : await store.catalogue.find(x, name);
  if (info?.indexes.some((index) => index.unique)) throw new NotFoldable('unique index');
  const ops = operations.map((op) =>
    op.kind === 'insertOne' ? { ...op, document: withId(op.document) } : op,
  );
  const ids = [...new Set(ops.map((op) => keyOf(op.kind === 'insertOne' ? op.document._id : targetOf(op))))];
  const stored = new Map<string, Doc>();
  if (info) {
    // Locked in `_id` order, so that two folds over the same documents cannot deadlock.
    const rows = await x.query<{ doc: Doc }>(
      `SELECT doc FROM ${info.table} WHERE ${ID} IN (SELECT value FROM jsonb_array_elements(CAST($1 AS jsonb))) ORDER BY ${ID} FOR UPDATE`,
      [`[${ids.join(',')}]`],
    );
    for (const row of rows) stored.set(keyOf(row.doc._id), row.doc);
  }
  const result = emptyBulkResult();
  const docs = new Map<string, Doc | undefined>(stored);
  for (const op of ops) {
    if (op.kind === 'insertOne') {
      const key = keyOf(op.document._id);
      if (docs.get(key)) throw new NotFoldable('duplicate _id');
      docs.set(key, op.document);
      result.insertedCount++;
      continue;
    }
    const id = targetOf(op) as DocumentId;
    const key = keyOf(id);
    const doc = docs.get(key);
    if (!('update' in op)) {
      if (doc) result.deletedCount++;
      docs.set(key, undefined);
    } else if (doc) {
      const next = updated(doc, op.update);
      result.matchedCount++;
      if (!sameJson(next, doc)) result.modifiedCount++;
      docs.set(key, next);
    } else if (op.upsert) {
      docs.set(key, insertedDocument({ _id: id }, copy(op.update as Record<string, Doc>)));
      result.upsertedCount++;
    }
  }
  if (!info) return result;
  const removed: string[] = [];
  const changed: Doc[] = [];
  const added: Doc[] = [];
  for (const [key, doc] of docs) {
    const before = stored.get(key);
    if (!doc) {
      if (before) removed.push(key);
    } else if (!before) added.push(doc);
    else if (!sameJson(doc, before)) changed.push(doc);
  }
  const elements = 'jsonb_array_elements(CAST($1 AS jsonb))';
  if (removed.length > 0)
    await x.query(`DELETE FROM ${info.table} WHERE ${ID} IN (SELECT value FROM ${elements})`, [
      `[${removed.join(',')}]`,
    ]);
  if (changed.length > 0)
    await x.query(
      `UPDATE ${info.table} SET doc = v.value FROM ${elements} AS v WHERE ${ID} = (v.value #> '{_id}'::text[])`,
      [JSON.stringify(changed)],
    );
  if (added.length > 0)
    await x.query(`INSERT INTO ${info.table} (doc) SELECT value FROM ${elements}`, [JSON.stringify(added)]);
  return result;
}
