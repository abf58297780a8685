import { ValidationError } from '@hotline/contracts';
import { $inc, $push, $set, $unset } from 'mingo/operators/update';
import type { UpdateOperators } from '../read-store.port';
import { fastUpdate } from './fast-update';

type Doc = Record<string, unknown>;

function valueAt(doc: Doc, path: string): unknown {
  if (path.indexOf('.') === -1) return Object.hasOwn(doc, path) ? doc[path] : undefined;
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Doc)[segment];
  }
  return current;
}

/**
 * MongoDB refuses `$inc` on a non-number and `$push` onto a non-array, where mingo would quietly
 * skip the field; checking first keeps both adapters failing the same way, before any change.
 */
export function checkOperandTypes(doc: Doc, update: UpdateOperators): void {
  for (const path of Object.keys(update.$inc ?? {})) {
    const value = valueAt(doc, path);
    if (value !== undefined && typeof value !== 'number') {
      throw new ValidationError(`update.$inc.${path}`, 'cannot increment a field that is not a number');
    }
  }
  for (const path of Object.keys(update.$push ?? {})) {
    const value = valueAt(doc, path);
    if (value !== undefined && !Array.isArray(value)) {
      throw new ValidationError(`update.$push.${path}`, 'cannot push onto a field that is not an array');
    }
  }
}

/** Applies a validated update in place; true when the document changed. */
export function applyUpdate(doc: Doc, update: UpdateOperators, inserting: boolean): boolean {
  return fastUpdate(doc, update, inserting) ?? mingoUpdate(doc, update, inserting);
}

/** The reference implementation: mingo's update operators (paths through arrays, and the rest). */
export function mingoUpdate(doc: Doc, update: UpdateOperators, inserting: boolean): boolean {
  let changed = false;
  if (inserting && update.$setOnInsert) {
    const { _id: _ignored, ...fields } = update.$setOnInsert;
    if (Object.keys(fields).length > 0) changed = $set(fields)(doc).length > 0 || changed;
  }
  if (update.$set) changed = $set(update.$set)(doc).length > 0 || changed;
  if (update.$unset) changed = $unset(update.$unset as Record<string, ''>)(doc).length > 0 || changed;
  if (update.$inc) changed = $inc(update.$inc)(doc).length > 0 || changed;
  if (update.$push) changed = $push(update.$push)(doc).length > 0 || changed;
  return changed;
}
