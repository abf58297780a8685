/**
 * A compiled predicate for the filters projections and lookups use most (field equality, number or
 * string ranges, $in, $exists, $not, $and), so hot paths need not compile a mingo Query per call
 * (~15 µs each). It answers `undefined` whenever a value it meets could make it disagree with mingo
 * (an array on the path, any other filter shape), and the caller then asks mingo. The property
 * test in fast-match.spec.ts holds it to mingo's answers.
 */
export type FastMatch = (doc: Record<string, unknown>) => boolean | undefined;

type Primitive = string | number | boolean | null;
type Test = (value: unknown) => boolean;
interface Clause {
  path: string[];
  test: Test;
}

/** Marks a value the fast path does not decide (an array, whose elements MongoDB matches one by one). */
const ARRAY = Symbol('array');

const hasOwn = Object.prototype.hasOwnProperty;

export function resolvePath(doc: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(current)) return ARRAY;
    if (typeof current !== 'object' || current === null || !hasOwn.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return Array.isArray(current) ? ARRAY : current;
}

const isPrimitive = (v: unknown): v is Primitive =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const equals =
  (operand: Primitive): Test =>
  (value) =>
    operand === null ? value === null || value === undefined : value === operand;

function range(op: string, operand: unknown): Test | undefined {
  if (typeof operand !== 'number' && typeof operand !== 'string') return undefined;
  const type = typeof operand;
  switch (op) {
    case '$lt':
      return (value) => typeof value === type && (value as typeof operand) < operand;
    case '$lte':
      return (value) => typeof value === type && (value as typeof operand) <= operand;
    case '$gt':
      return (value) => typeof value === type && (value as typeof operand) > operand;
    case '$gte':
      return (value) => typeof value === type && (value as typeof operand) >= operand;
    default:
      return undefined;
  }
}

function operatorTest(op: string, operand: unknown): Test | undefined {
  switch (op) {
    case '$eq':
      return isPrimitive(operand) ? equals(operand) : undefined;
    case '$ne': {
      if (!isPrimitive(operand)) return undefined;
      const eq = equals(operand);
      return (value) => !eq(value);
    }
    case '$in': {
      if (!Array.isArray(operand) || !operand.every(isPrimitive)) return undefined;
      const tests = operand.map(equals);
      return (value) => tests.some((t) => t(value));
    }
    case '$exists':
      return operand === true ? (value) => value !== undefined : (value) => value === undefined;
    case '$not': {
      const inner = conditionTest(operand, true);
      return inner && ((value) => !inner(value));
    }
    default:
      return range(op, operand);
  }
}

function conditionTest(condition: unknown, operatorsOnly = false): Test | undefined {
  if (isPrimitive(condition)) return operatorsOnly ? undefined : equals(condition);
  if (typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const tests: Test[] = [];
  for (const [op, operand] of Object.entries(condition as Record<string, unknown>)) {
    const test = operatorTest(op, operand);
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 0) return undefined;
  return tests.length === 1 ? tests[0] : (value) => tests.every((t) => t(value));
}

function clauses(filter: Record<string, unknown>, into: Clause[]): boolean {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      if (!Array.isArray(condition)) return false;
      for (const part of condition) if (!clauses(part as Record<string, unknown>, into)) return false;
      continue;
    }
    if (key.startsWith('$')) return false;
    const test = conditionTest(condition);
    if (!test) return false;
    into.push({ path: key.split('.'), test });
  }
  return true;
}

/** Returns undefined when the filter's shape is not one the fast path handles. */
export function compileFastMatch(filter: Record<string, unknown>): FastMatch | undefined {
  const all: Clause[] = [];
  if (!clauses(filter, all)) return undefined;
  return (doc) => {
    let decided = true;
    for (const { path, test } of all) {
      const value = resolvePath(doc, path);
      if (value === ARRAY) decided = false;
      else if (!test(value)) return false;
    }
    return decided ? true : undefined;
  };
}
