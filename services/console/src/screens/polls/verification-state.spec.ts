import { verificationState } from './verification-state';

describe("a unit's verification as the center sees it", () => {
  const verifyBy = '2026-12-10T10:00:00.000Z';
  const before = new Date('2026-12-10T09:59:59.000Z');
  const after = new Date('2026-12-10T10:00:01.000Z');

  it('is pending until the deadline, then overdue while the unit has not verified', () => {
    expect(verificationState(undefined, verifyBy, before)).toBe('pending');
    expect(verificationState(undefined, verifyBy, after)).toBe('overdue');
    expect(verificationState(undefined, undefined, after)).toBe('pending');
  });

  it('is agreed or disputed once the unit has verified, late or not', () => {
    const at = '2026-12-11T01:00:00.000Z';
    expect(verificationState({ agreed: true, late: true, at }, verifyBy, after)).toBe('agreed');
    expect(
      verificationState({ agreed: false, late: false, response: '样本不属实', at }, verifyBy, after),
    ).toBe('disputed');
  });
});
