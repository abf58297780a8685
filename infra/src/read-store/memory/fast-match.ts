/**
 * Evaluates the filters projections and lookups use most (field equality, number or string ranges,
 * $in, $exists, $not, $and) directly against a document, so hot paths need not compile a mingo
 * Query per call (~15 µs each). It answers `undefined` whenever a value or operator it meets could
 * make it disagree with mingo (an array on the path, any other operator), and the caller then asks
 * mingo. The property test in fast-match.spec.ts holds it to mingo's answers.
 */
type Doc = Record<string, unknown>;
type Primitive = string | number | boolean | null;

/** Marks a value the fast path does not decide (an array, whose elements MongoDB matches one by one). */
const ARRAY = Symbol('array');

export function resolvePath(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  let start = 0;
  for (;;) {
    const dot = path.indexOf('.', start);
    const segment = dot === -1 ? (start === 0 ? path : path.slice(start)) : path.slice(start, dot);
    if (Array.isArray(current)) return ARRAY;
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Doc)[segment];
    if (dot === -1) return Array.isArray(current) ? ARRAY : current;
    start = dot + 1;
  }
}

const isPrimitive = (v: unknown): v is Primitive =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const equals = (operand: Primitive, value: unknown): boolean =>
  operand === null ? value === null || value === undefined : value === operand;

function compare(op: string, operand: unknown, value: unknown): boolean | undefined {
  if (typeof operand !== 'number' && typeof operand !== 'string') return undefined;
  if (typeof value !== typeof operand) return false;
  const v = value as typeof operand;
  switch (op) {
    case '$lt':
      return v < operand;
    case '$lte':
      return v <= operand;
    case '$gt':
      return v > operand;
    default:
      return v >= operand;
  }
}

function testOperator(op: string, operand: unknown, value: unknown): boolean | undefined {
  switch (op) {
    case '$eq':
      return isPrimitive(operand) ? equals(operand, value) : undefined;
    case '$ne':
      return isPrimitive(operand) ? !equals(operand, value) : undefined;
    case '$in':
      if (!Array.isArray(operand) || !operand.every(isPrimitive)) return undefined;
      return operand.some((o: Primitive) => equals(o, value));
    case '$exists':
      return operand === true ? value !== undefined : value === undefined;
    case '$not': {
      if (typeof operand !== 'object' || operand === null || Array.isArray(operand)) return undefined;
      const inner = testOperators(operand as Doc, value);
      return inner === undefined ? undefined : !inner;
    }
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return compare(op, operand, value);
    default:
      return undefined;
  }
}

/** All operators of `{ $gt: 1, $lt: 5 }` hold; undefined when one is not decided and none fails. */
function testOperators(condition: Doc, value: unknown): boolean | undefined {
  let any = false;
  let decided = true;
  for (const op in condition) {
    any = true;
    const result = testOperator(op, condition[op], value);
    if (result === false) return false;
    if (result === undefined) decided = false;
  }
  return any && decided ? true : undefined;
}

function testCondition(condition: unknown, value: unknown): boolean | undefined {
  if (isPrimitive(condition)) return equals(condition, value);
  if (typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  for (const key in condition as Doc) {
    // `{ a: { x: 1 } }` is equality with a sub-document: mingo's call.
    if (key.charCodeAt(0) !== 36 /* $ */) return undefined;
  }
  return testOperators(condition as Doc, value);
}

/** true or false when the fast path can tell, undefined when mingo must. */
export function matchFast(filter: Doc, doc: Doc): boolean | undefined {
  let decided = true;
  for (const key in filter) {
    const condition = filter[key];
    let result: boolean | undefined;
    if (key === '$and' && Array.isArray(condition)) {
      result = true;
      for (const part of condition as Doc[]) {
        const r = matchFast(part, doc);
        if (r === false) return false;
        if (r === undefined) result = undefined;
      }
    } else if (key.charCodeAt(0) === 36 /* $ */) {
      result = undefined;
    } else {
      const value = resolvePath(doc, key);
      result = value === ARRAY ? undefined : testCondition(condition, value);
    }
    if (result === false) return false;
    if (result === undefined) decided = false;
  }
  return decided ? true : undefined;
}
