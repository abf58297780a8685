import type { Filter } from '../read-store.port';
import { isPlainObject } from '../validation/plain-value';
import type { PlainValue, SqlField, SqlParams, SqlScope } from './sql-dialect';
import { UnsupportedOperatorError } from './unsupported-operator.error';

export const TRUE = '1 = 1';
export const FALSE = '1 = 0';

const join = (parts: string[], glue: 'AND' | 'OR'): string => {
  if (parts.length === 0) return glue === 'AND' ? TRUE : FALSE;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(` ${glue} `)})`;
};

/** Negation that treats an unknown (SQL NULL) as false first, as MongoDB treats a missing field. */
export const not = (predicate: string): string => `NOT coalesce(${predicate}, ${FALSE})`;

const isOperators = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'));

function operatorPredicate(
  field: SqlField,
  op: string,
  operand: unknown,
  condition: Record<string, unknown>,
  params: SqlParams,
  at: string,
): string | undefined {
  switch (op) {
    case '$eq':
      return field.equals(operand as PlainValue, params);
    case '$ne':
      return not(field.equals(operand as PlainValue, params));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (isPlainObject(operand) || Array.isArray(operand))
        throw new UnsupportedOperatorError(at, op, 'on an object or array value is not supported');
      return field.compare(op, operand as string | number | boolean | null, params);
    case '$in':
      return field.equalsAny(operand as PlainValue[], params);
    case '$nin':
      return not(field.equalsAny(operand as PlainValue[], params));
    case '$all': {
      const values = operand as PlainValue[];
      return values.length === 0
        ? FALSE
        : join(
            values.map((v) => field.equals(v, params)),
            'AND',
          );
    }
    case '$exists':
      return operand === true ? field.exists() : not(field.exists());
    case '$size':
      return field.size(operand as number, params);
    case '$not':
      return not(fieldPredicate(field, operand as Record<string, unknown>, params, at));
    case '$elemMatch':
      return field.elemMatch((element) =>
        isOperators(operand)
          ? fieldPredicate(element.field(''), operand, params, at)
          : translateFilter(operand as Filter, element, params, at),
      );
    case '$regex':
      return field.regex(operand as string, (condition.$options as string | undefined) ?? '', params);
    case '$options':
      return undefined;
    default:
      throw new UnsupportedOperatorError(`${at}.${op}`, op);
  }
}

function fieldPredicate(
  field: SqlField,
  condition: Record<string, unknown>,
  params: SqlParams,
  at: string,
): string {
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    const part = operatorPredicate(field, op, operand, condition, params, at);
    if (part !== undefined) parts.push(part);
  }
  return join(parts, 'AND');
}

/**
 * A WHERE predicate for a validated filter over `scope` (a table's rows or an array's elements).
 * Anything the translation does not cover is an UnsupportedOperatorError naming the operator.
 */
export function translateFilter(filter: Filter, scope: SqlScope, params: SqlParams, at = 'filter'): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    const here = `${at}.${key}`;
    switch (key) {
      case '$and':
      case '$or':
      case '$nor': {
        const each = (value as Filter[]).map((f, i) => translateFilter(f, scope, params, `${here}[${i}]`));
        parts.push(
          key === '$and' ? join(each, 'AND') : key === '$or' ? join(each, 'OR') : not(join(each, 'OR')),
        );
        break;
      }
      default: {
        if (key.startsWith('$')) throw new UnsupportedOperatorError(here, key);
        const field = scope.field(key);
        parts.push(
          isOperators(value)
            ? fieldPredicate(field, value, params, here)
            : field.equals(value as PlainValue, params),
        );
      }
    }
  }
  return join(parts, 'AND');
}
