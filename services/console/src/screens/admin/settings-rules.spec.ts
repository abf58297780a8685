import { categoryCodeRule, isValidLimit } from './settings-rules';

describe('settings input rules', () => {
  it('wants a top-level code ending in 0000, not 000000', () => {
    const rule = categoryCodeRule();
    expect(['120000', '990000'].filter((code) => rule.test(code))).toEqual(['120000', '990000']);
    expect(['000000', '120100', '12000', '1200000', 'ab0000'].some((code) => rule.test(code))).toBe(false);
  });

  it("wants a sub-category's code to extend its parent's by one non-zero pair", () => {
    const second = categoryCodeRule({ code: '010000', level: 1 });
    expect(second.test('010900')).toBe(true);
    expect(['010000', '020900', '010901'].some((code) => second.test(code))).toBe(false);
    const third = categoryCodeRule({ code: '010900', level: 2 });
    expect(third.test('010912')).toBe(true);
    expect(['010900', '010812', '0109123'].some((code) => third.test(code))).toBe(false);
  });

  it('accepts limits in half days from 0.5 to 60 only', () => {
    expect([0.5, 1, 2.5, 60].every(isValidLimit)).toBe(true);
    expect([0, 0.25, 1.2, 60.5, -1, Number.NaN, null, undefined].some((v) => isValidLimit(v))).toBe(false);
  });
});
