import fc from 'fast-check';
import { validateUpdate } from '../validation/validate-update';
import { checkOperandTypes, mingoUpdate } from './apply-update';
import { copyPlain } from './copy-plain';
import { fastUpdate } from './fast-update';

const opts = { noNullPrototype: true } as const;
const scalar = fc.constantFrom(0, 1, -2, 2.5, 'a', '', true, false, null);
const leaf = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 2 }),
  fc.record({ x: scalar }, { requiredKeys: [], ...opts }),
);
const doc = fc.record(
  {
    a: leaf,
    b: fc.oneof(leaf, fc.record({ c: leaf, d: leaf }, { requiredKeys: [], ...opts })),
    n: fc.constantFrom(0, 1, 5),
  },
  { requiredKeys: [], ...opts },
);
const path = fc.constantFrom('a', 'b', 'b.c', 'b.d', 'b.c.x', 'n', 'z', 'z.y');
const operation = fc.oneof(
  fc.tuple(fc.constant('$set'), path, leaf),
  fc.tuple(fc.constant('$setOnInsert'), path, leaf),
  fc.tuple(fc.constant('$unset'), path, fc.constant('')),
  fc.tuple(fc.constant('$inc'), path, fc.constantFrom(0, 1, -3, 0.5)),
  fc.tuple(
    fc.constant('$push'),
    path,
    fc.oneof(scalar, fc.record({ $each: fc.array(scalar, { maxLength: 2 }) }, opts)),
  ),
);
/** One to three operations on distinct paths (overlapping ones are refused by validation anyway). */
const update = fc
  .uniqueArray(operation, { minLength: 1, maxLength: 3, selector: ([, p]) => p })
  .map((ops) => {
    const u: Record<string, Record<string, unknown>> = {};
    for (const [op, p, value] of ops) (u[op] ??= {})[p] = value;
    return u;
  });

describe('fastUpdate', () => {
  it('leaves a document as mingo would, and says "changed" when mingo does', () => {
    let compared = 0;
    fc.assert(
      fc.property(doc, update, fc.boolean(), (d, u, inserting) => {
        let checked;
        try {
          checked = validateUpdate(u);
          checkOperandTypes(d, checked);
        } catch {
          return; // malformed updates never reach the updaters
        }
        const fast = copyPlain(d);
        const answer = fastUpdate(fast, copyPlain(checked), inserting);
        if (answer === undefined) {
          expect(fast).toEqual(d);
          return;
        }
        const reference = copyPlain(d);
        const changed = mingoUpdate(reference, copyPlain(checked), inserting);
        expect({ doc: fast, changed: answer }).toEqual({ doc: reference, changed });
        compared++;
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('hands paths through arrays and scalars to mingo, changing nothing itself', () => {
    const d = { list: [{ n: 1 }], s: 'text' };
    expect(fastUpdate(d, { $inc: { 'list.0.n': 1 } }, false)).toBeUndefined();
    expect(fastUpdate(d, { $set: { 's.x': 1, ok: 1 } }, false)).toBeUndefined();
    expect(d).toEqual({ list: [{ n: 1 }], s: 'text' });
  });
});
