import fc from 'fast-check';
import {
  CaseNumber,
  caseNumberBlockCount,
  caseNumberBlockStreamId,
  dammCheckDigit,
  formatCaseNumber,
  isValidCaseNumber,
  leaseCaseNumberBlock,
  serialOfCaseNumber,
  takeCaseNumber,
  type CaseNumberLease,
} from './case-number';

const serials = fc.integer({ min: 1, max: 9_999_999 });

describe('case numbers', () => {
  it('computes the Damm check digit of the published example', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });

  it('formats a serial as 8 digits ending with its check digit', () => {
    expect(formatCaseNumber(572)).toBe('00005724');
    expect(formatCaseNumber(9_999_999)).toHaveLength(8);
    expect(isValidCaseNumber('00005724')).toBe(true);
    expect(serialOfCaseNumber('00005724')).toBe(572);
  });

  it('detects every single-digit mistake', () => {
    fc.assert(
      fc.property(
        serials,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, at, shift) => {
          const number = formatCaseNumber(serial);
          const wrong = `${number.slice(0, at)}${(Number(number[at]) + shift) % 10}${number.slice(at + 1)}`;
          return !isValidCaseNumber(wrong);
        },
      ),
    );
  });

  it('detects every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(serials, fc.integer({ min: 0, max: 6 }), (serial, at) => {
        const number = formatCaseNumber(serial);
        fc.pre(number[at] !== number[at + 1]);
        const swapped = `${number.slice(0, at)}${number[at + 1]}${number[at]}${number.slice(at + 2)}`;
        return !isValidCaseNumber(swapped);
      }),
    );
  });

  it.each([
    ['0000572', 'too short'],
    ['000057240', 'too long'],
    ['0000572a', 'not digits'],
    ['00000000', 'serial 0'],
    ['00005725', 'wrong check digit'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidCaseNumber(value)).toBe(false);
    expect(() => serialOfCaseNumber(value)).toThrow(/^caseNumber: must be 8 digits/);
  });

  it('accepts longer numbers for cities that configure them', () => {
    const format = { serialDigits: 9, blockSize: 1000 };
    const number = formatCaseNumber(123_456_789, format);
    expect(number).toHaveLength(10);
    expect(isValidCaseNumber(number, format)).toBe(true);
    expect(isValidCaseNumber(number)).toBe(false);
    expect(CaseNumber.safeParse(number).success).toBe(true);
  });

  it('rejects out-of-range serials and formats naming the field', () => {
    expect(() => formatCaseNumber(0)).toThrow(/^serial: /);
    expect(() => formatCaseNumber(10_000_000)).toThrow(/^serial: /);
    expect(() => formatCaseNumber(1, { serialDigits: 7, blockSize: 3 })).toThrow(/^format\.blockSize: /);
  });

  it('lets the schema reject a mistyped number', () => {
    expect(CaseNumber.safeParse('00005724').success).toBe(true);
    expect(CaseNumber.safeParse('00005742').success).toBe(false);
  });

  describe('blocks', () => {
    const drain = (lease: CaseNumberLease): string[] => {
      const numbers: string[] = [];
      for (let next = takeCaseNumber(lease); next; next = takeCaseNumber(next.lease))
        numbers.push(next.caseNumber);
      return numbers;
    };

    it('claims a block through its own stream', () => {
      expect(caseNumberBlockStreamId(42)).toBe('caseNumberBlock-42');
      expect(caseNumberBlockCount()).toBe(10_000);
    });

    it('hands out a block of a thousand numbers, then nothing', () => {
      const numbers = drain(leaseCaseNumberBlock(42));
      expect(numbers).toHaveLength(1000);
      expect(numbers[0]).toBe(formatCaseNumber(42_000));
      expect(numbers.at(-1)).toBe(formatCaseNumber(42_999));
      expect(numbers.every((n) => isValidCaseNumber(n))).toBe(true);
    });

    it('never hands out serial 0 and ends at the last serial of the space', () => {
      expect(drain(leaseCaseNumberBlock(0))[0]).toBe(formatCaseNumber(1));
      expect(drain(leaseCaseNumberBlock(9_999)).at(-1)).toBe(formatCaseNumber(9_999_999));
      expect(() => leaseCaseNumberBlock(10_000)).toThrow(/^block: /);
    });

    it('gives different blocks disjoint numbers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 9_999 }), (a, b) => {
          fc.pre(a !== b);
          const first = new Set(drain(leaseCaseNumberBlock(a)));
          return drain(leaseCaseNumberBlock(b)).every((n) => !first.has(n));
        }),
        { numRuns: 30 },
      );
    });
  });
});
