import { findOf, findParams } from './case-find';

describe('findParams', () => {
  it('reads 8 digits as a case number, spaces and all', () => {
    expect(findParams(' 0000 2996 ')).toEqual({ caseNumber: '00002996' });
  });

  it('reads a mobile or a landline number as a phone', () => {
    expect(findParams('139 0591 2468')).toEqual({ phone: '139 0591 2468' });
    expect(findParams('+86 13905912468')).toEqual({ phone: '+86 13905912468' });
    expect(findParams('0591-87654321')).toEqual({ phone: '0591-87654321' });
  });

  it("reads anything else as the caller's name, and nothing as no filter", () => {
    expect(findParams('林女士')).toEqual({ citizenName: '林女士' });
    expect(findParams('  ')).toEqual({});
  });

  it('gives the box its text back from the URL', () => {
    expect(findOf(new URLSearchParams('phone=13905912468&status=signed'))).toBe('13905912468');
    expect(findOf(new URLSearchParams('status=signed'))).toBeUndefined();
  });
});
