import { z } from 'zod';
import { ValidationError } from './errors';

/**
 * The case number read to callers (受理号): 8 digits by default, a 7-digit serial followed by a
 * Damm check digit. Damm catches every single-digit mistake and every swap of two adjacent digits
 * (Luhn misses 09↔90; mod 11 needs an eleventh symbol), so the IVR and the portal reject a
 * mistyped number instead of showing someone else's case.
 *
 * Numbers are unique per city and never reused, and handed out without a single writer: each
 * allocator process claims a block of serials by appending the first event of the stream
 * `caseNumberBlock-<block>` with expected revision `noStream` (the event store lets only one
 * claimant win), then hands out the block's numbers from memory. Serials of a block a process did
 * not finish are skipped, never reissued. Capacity: 10^serialDigits − 1 numbers per city (about ten
 * million at 8 digits); a city that outgrows it configures a longer number (`serialDigits`).
 */
export interface CaseNumberFormat {
  serialDigits: number;
  blockSize: number;
}

export const DEFAULT_CASE_NUMBER_FORMAT: CaseNumberFormat = { serialDigits: 7, blockSize: 1000 };

/** Damm's totally anti-symmetric quasigroup of order 10. */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const dammInterim = (digits: string): number =>
  [...digits].reduce((interim, digit) => DAMM[interim]?.[Number(digit)] ?? Number.NaN, 0);

/** The Damm check digit of a string of decimal digits. */
export function dammCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new ValidationError('digits', 'must be decimal digits');
  return dammInterim(digits);
}

/** Digits and a valid Damm check digit, of any length the formats allow: the schema messages use. */
export const CaseNumber = z
  .string()
  .regex(/^\d{8,16}$/, 'must be 8 to 16 digits')
  .refine((v) => dammInterim(v) === 0, 'has a wrong check digit');
export type CaseNumber = z.infer<typeof CaseNumber>;

const validFormat = (format: CaseNumberFormat): CaseNumberFormat => {
  const { serialDigits, blockSize } = format;
  if (!Number.isInteger(serialDigits) || serialDigits < 7 || serialDigits > 15) {
    throw new ValidationError('format.serialDigits', 'must be an integer from 7 to 15');
  }
  if (!Number.isInteger(blockSize) || blockSize < 1 || 10 ** serialDigits % blockSize !== 0) {
    throw new ValidationError('format.blockSize', `must be a positive divisor of 10^${serialDigits}`);
  }
  return format;
};

/** The case number of a serial: the zero-padded serial and its check digit. */
export function formatCaseNumber(serial: number, format = DEFAULT_CASE_NUMBER_FORMAT): string {
  const { serialDigits } = validFormat(format);
  if (!Number.isInteger(serial) || serial < 1 || serial >= 10 ** serialDigits) {
    throw new ValidationError('serial', `must be an integer from 1 to ${10 ** serialDigits - 1}`);
  }
  const digits = String(serial).padStart(serialDigits, '0');
  return `${digits}${dammInterim(digits)}`;
}

/** Whether a text is a case number of this format: the right length, digits only, check digit right. */
export function isValidCaseNumber(value: string, format = DEFAULT_CASE_NUMBER_FORMAT): boolean {
  const { serialDigits } = validFormat(format);
  return (
    typeof value === 'string' &&
    value.length === serialDigits + 1 &&
    /^\d+$/.test(value) &&
    Number(value.slice(0, -1)) > 0 &&
    dammInterim(value) === 0
  );
}

/** The serial of a valid case number; a typed error naming `caseNumber` otherwise. */
export function serialOfCaseNumber(value: string, format = DEFAULT_CASE_NUMBER_FORMAT): number {
  if (!isValidCaseNumber(value, format)) {
    throw new ValidationError(
      'caseNumber',
      `must be ${format.serialDigits + 1} digits with a valid check digit`,
    );
  }
  return Number(value.slice(0, -1));
}

/** The stream whose creation claims a block: `caseNumberBlock-<block>`. */
export const caseNumberBlockStreamId = (block: number): string => `caseNumberBlock-${block}`;

/** How many blocks the format's number space holds (block numbers 0 … count − 1). */
export const caseNumberBlockCount = (format = DEFAULT_CASE_NUMBER_FORMAT): number =>
  10 ** validFormat(format).serialDigits / format.blockSize;

/** A claimed block being handed out: the next serial to give and the last one of the block. */
export interface CaseNumberLease {
  block: number;
  nextSerial: number;
  lastSerial: number;
}

/** The lease of a freshly claimed block. Serial 0 is never used, so block 0 starts at 1. */
export function leaseCaseNumberBlock(block: number, format = DEFAULT_CASE_NUMBER_FORMAT): CaseNumberLease {
  const count = caseNumberBlockCount(format);
  if (!Number.isInteger(block) || block < 0 || block >= count) {
    throw new ValidationError('block', `must be an integer from 0 to ${count - 1}`);
  }
  const first = block * format.blockSize;
  return { block, nextSerial: Math.max(first, 1), lastSerial: first + format.blockSize - 1 };
}

/** The next number of a lease and the lease after it, or undefined when the block is used up. */
export function takeCaseNumber(
  lease: CaseNumberLease,
  format = DEFAULT_CASE_NUMBER_FORMAT,
): { caseNumber: string; lease: CaseNumberLease } | undefined {
  if (lease.nextSerial > lease.lastSerial) return undefined;
  return {
    caseNumber: formatCaseNumber(lease.nextSerial, format),
    lease: { ...lease, nextSerial: lease.nextSerial + 1 },
  };
}
