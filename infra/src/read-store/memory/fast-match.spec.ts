import fc from 'fast-check';
import { Query } from 'mingo';
import { validateFilter } from '../validation/validate-filter';
import { MINGO_OPTIONS } from './document-matcher';
import { matchFast } from './fast-match';

const scalar = fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, 'a', 'b', 'B', '', true, false, null));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.record({ x: scalar }, { requiredKeys: [], noNullPrototype: true }),
);
const doc = fc.record(
  { a: value, b: value, c: fc.record({ d: value }, { requiredKeys: [], noNullPrototype: true }) },
  { requiredKeys: [], noNullPrototype: true },
);

const operand = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const operatorObject = fc.dictionary(
  fc.constantFrom('$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$exists'),
  operand,
  {
    minKeys: 1,
    maxKeys: 2,
    noNullPrototype: true,
  },
);
const condition = fc.oneof(
  scalar,
  operatorObject,
  operatorObject.map(($not) => ({ $not })),
);
const clauses = fc.dictionary(fc.constantFrom('a', 'b', 'c.d', 'c'), condition, {
  maxKeys: 3,
  noNullPrototype: true,
});
const filter = fc
  .tuple(clauses, fc.option(fc.array(clauses, { minLength: 1, maxLength: 2 }), { nil: undefined }))
  .map(([f, $and]): Record<string, unknown> => ($and ? { ...f, $and } : f));

describe('matchFast', () => {
  it('never disagrees with mingo: it answers as mingo does, or leaves the document to mingo', () => {
    fc.assert(
      fc.property(filter, fc.array(doc, { minLength: 1, maxLength: 5 }), (f, docs) => {
        try {
          validateFilter(f);
        } catch {
          return; // the store never gets this far with a malformed filter
        }
        const query = new Query(f, MINGO_OPTIONS);
        for (const d of docs) {
          const answer = matchFast(f, d);
          if (answer !== undefined)
            expect({ filter: f, doc: d, answer }).toEqual({ filter: f, doc: d, answer: query.test(d) });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('decides the filters projections use on every plain document', () => {
    const guard = { _id: 'x', _pos: { $not: { $gte: 5 } } };
    expect(matchFast(guard, { _id: 'x', _pos: 4 })).toBe(true);
    expect(matchFast(guard, { _id: 'x' })).toBe(true);
    expect(matchFast(guard, { _id: 'x', _pos: 5 })).toBe(false);
    expect(matchFast(guard, { _id: 'y', _pos: 1 })).toBe(false);
    expect(matchFast({ 'a.b': { $gt: 1, $lte: 3 } }, { a: { b: 3 } })).toBe(true);
  });

  it('leaves arrays on the path and unsupported operators to mingo, unless another clause already fails', () => {
    expect(matchFast({ a: 1 }, { a: [1, 2] })).toBeUndefined();
    expect(matchFast({ a: { $regex: 'x' } }, { a: 'x' })).toBeUndefined();
    expect(matchFast({ $or: [{ a: 1 }] }, { a: 1 })).toBeUndefined();
    expect(matchFast({ $or: [{ a: 1 }], b: 2 }, { a: 1, b: 3 })).toBe(false);
  });
});
