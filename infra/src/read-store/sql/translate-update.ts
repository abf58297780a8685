import type { UpdateOperators } from '../read-store.port';
import type { SqlDialect, SqlParams, UpdateStep } from './sql-dialect';
import { UnsupportedOperatorError } from './unsupported-operator.error';

export interface UpdateTranslation {
  /** The new document, as an expression over the old one. */
  document: string;
  /** Per `$inc`/`$push` path, a predicate true when the old document holds a value the operator refuses. */
  conflicts: Array<{ field: string; predicate: string }>;
}

/** The steps of a validated update; `$setOnInsert` only when the update inserts (an upsert). */
export function updateSteps(update: UpdateOperators, inserting: boolean): UpdateStep[] {
  const steps: UpdateStep[] = [];
  for (const [op, fields] of Object.entries(update) as Array<[string, Record<string, unknown>]>) {
    for (const [path, value] of Object.entries(fields)) {
      switch (op) {
        case '$set':
          steps.push({ op: 'set', path, json: JSON.stringify(value) });
          break;
        case '$setOnInsert':
          if (inserting && path !== '_id') steps.push({ op: 'set', path, json: JSON.stringify(value) });
          break;
        case '$unset':
          steps.push({ op: 'unset', path });
          break;
        case '$inc':
          steps.push({ op: 'inc', path, by: value as number });
          break;
        case '$push': {
          const each = (value as { $each?: unknown[] } | undefined)?.$each;
          const values = Array.isArray(each) && Object.keys(value as object).length === 1 ? each : [value];
          steps.push({ op: 'push', path, jsonValues: values.map((v) => JSON.stringify(v)) });
          break;
        }
        default:
          throw new UnsupportedOperatorError(`update.${op}`, op);
      }
    }
  }
  return steps;
}

/** The SQL of a validated update applied to the document expression `doc`. */
export function translateUpdate(
  update: UpdateOperators,
  doc: string,
  dialect: SqlDialect,
  params: SqlParams,
  inserting = false,
): UpdateTranslation {
  const steps = updateSteps(update, inserting);
  const conflicts: UpdateTranslation['conflicts'] = [];
  for (const step of steps) {
    if (step.op === 'inc' || step.op === 'push')
      conflicts.push({
        field: `update.$${step.op}.${step.path}`,
        predicate: dialect.conflicts(doc, step),
      });
  }
  return { document: dialect.apply(doc, steps, params), conflicts };
}
