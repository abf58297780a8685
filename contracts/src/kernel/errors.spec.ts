import { RuleViolation, httpStatusOf } from './errors';

enum ShelfError {
  Full = 'SHELF_FULL',
  Missing = 'SHELF_MISSING',
}
class ShelfRuleViolation extends RuleViolation<ShelfError> {
  static override readonly kinds = { [ShelfError.Missing]: 'not-found' as const };
}

describe('RuleViolation<Code>', () => {
  it('is a rule error with its module code, mapped to 422', () => {
    const error = new ShelfRuleViolation(ShelfError.Full, 'the shelf is full', { capacity: 3 });
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.toBody()).toEqual({
      kind: 'rule',
      code: 'SHELF_FULL',
      message: 'the shelf is full',
      details: { capacity: 3 },
    });
    expect(httpStatusOf(error.kind)).toBe(422);
  });

  it('takes the kind a module gives a code, so the status follows from it', () => {
    const error = new ShelfRuleViolation(ShelfError.Missing, 'no such shelf');
    expect(error.kind).toBe('not-found');
    expect(httpStatusOf(error.kind)).toBe(404);
  });

  it('names the offending field from details.field', () => {
    expect(new ShelfRuleViolation(ShelfError.Full, 'x', { field: 'shelfId' }).field).toBe('shelfId');
    expect(new ShelfRuleViolation(ShelfError.Full, 'x', { field: 3 }).field).toBeUndefined();
  });

  it('raises itself where an expression is expected', () => {
    const shelf: string | undefined = undefined;
    expect(() => shelf ?? ShelfRuleViolation.raise(ShelfError.Missing, 'no shelf')).toThrow(
      ShelfRuleViolation,
    );
  });
});
