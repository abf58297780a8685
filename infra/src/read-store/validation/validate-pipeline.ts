import { ValidationError } from '@hotline/contracts';
import type { PipelineStage } from '../read-store.port';
import { checkFieldName, checkFieldPath, clonePlain, isPlainObject } from './plain-value';
import { validateFilter } from './validate-filter';
import { validateSort } from './validate-options';

// FerretDB v1 implements no other $group accumulator, and computes only the first of several
// (the others come back 0). The memory store refuses the same, so a report that works embedded
// works distributed; a report needing two sums runs two pipelines or reads a counter document.
const ACCUMULATORS = new Set(['$sum']);

/** `"$path"` refers to a field; other values are literals or operator expressions. */
function validateExpression(expr: unknown, field: string): void {
  if (typeof expr === 'string') {
    if (expr.startsWith('$')) checkFieldPath(expr.slice(1), field);
    return;
  }
  if (Array.isArray(expr)) {
    expr.forEach((item, i) => validateExpression(item, `${field}[${i}]`));
    return;
  }
  if (!isPlainObject(expr)) {
    clonePlain(expr, field);
    return;
  }
  const keys = Object.keys(expr);
  if (keys.length === 1 && keys[0]?.startsWith('$')) {
    validateExpression(expr[keys[0]], `${field}.${keys[0]}`);
    return;
  }
  for (const key of keys) {
    checkFieldName(key, `${field}.${key}`);
    validateExpression(expr[key], `${field}.${key}`);
  }
}

function validateGroup(group: unknown, field: string): void {
  if (!isPlainObject(group) || !('_id' in group))
    throw new ValidationError(field, 'must be an object with an _id expression');
  const accumulators = Object.keys(group).filter((name) => name !== '_id');
  if (accumulators.length > 1)
    throw new ValidationError(`${field}.${accumulators[1]}`, 'one accumulator per $group is supported');
  for (const [name, spec] of Object.entries(group)) {
    const at = `${field}.${name}`;
    if (name === '_id') {
      validateExpression(spec, at);
      continue;
    }
    checkFieldName(name, at);
    const ops = isPlainObject(spec) ? Object.keys(spec) : [];
    const op = ops[0];
    if (ops.length !== 1 || op === undefined || !ACCUMULATORS.has(op)) {
      throw new ValidationError(at, `must be one accumulator of ${[...ACCUMULATORS].join(' ')}`);
    }
    validateExpression((spec as Record<string, unknown>)[op], `${at}.${op}`);
  }
}

function validateUnwind(spec: unknown, field: string): void {
  const path = isPlainObject(spec) ? spec.path : spec;
  if (typeof path !== 'string' || !path.startsWith('$'))
    throw new ValidationError(field, 'must name a field path such as "$tags"');
  checkFieldPath(path.slice(1), field);
  if (isPlainObject(spec)) {
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'path') continue;
      if (key !== 'preserveNullAndEmptyArrays')
        throw new ValidationError(`${field}.${key}`, 'is not a supported option');
      if (typeof value !== 'boolean') throw new ValidationError(`${field}.${key}`, 'must be true or false');
    }
  }
}

function validateStage(stage: unknown, field: string): void {
  const keys = isPlainObject(stage) ? Object.keys(stage) : [];
  const name = keys[0];
  if (keys.length !== 1 || name === undefined)
    throw new ValidationError(field, 'must be an object with exactly one stage');
  const spec = (stage as Record<string, unknown>)[name];
  const at = `${field}.${name}`;
  switch (name) {
    case '$match':
      return validateFilter(spec, at);
    case '$group':
      return validateGroup(spec, at);
    case '$sort':
      return validateSort(spec, at);
    case '$limit':
      if (!Number.isSafeInteger(spec) || (spec as number) < 1)
        throw new ValidationError(at, 'must be an integer >= 1');
      return;
    case '$skip':
      if (!Number.isSafeInteger(spec) || (spec as number) < 0)
        throw new ValidationError(at, 'must be an integer >= 0');
      return;
    case '$project':
      if (!isPlainObject(spec) || Object.keys(spec).length === 0)
        throw new ValidationError(at, 'must be a non-empty object');
      for (const [path, value] of Object.entries(spec)) {
        checkFieldPath(path, `${at}.${path}`);
        validateExpression(value, `${at}.${path}`);
      }
      return;
    case '$unwind':
      return validateUnwind(spec, at);
    case '$count':
      if (typeof spec !== 'string') throw new ValidationError(at, 'must be a field name');
      return checkFieldName(spec, at);
    default:
      throw new ValidationError(
        at,
        'is not a supported stage ($match $group $sort $limit $skip $project $unwind $count)',
      );
  }
}

export function validatePipeline(pipeline: unknown, field = 'pipeline'): asserts pipeline is PipelineStage[] {
  if (!Array.isArray(pipeline)) throw new ValidationError(field, 'must be an array of stages');
  pipeline.forEach((stage, i) => validateStage(stage, `${field}[${i}]`));
}
