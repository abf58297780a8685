import { z } from 'zod';

/**
 * Environment values are strings; these parse them with reasons an operator can act on
 * (`z.coerce.number()` would say "received NaN", and `z.coerce.boolean()` reads "false" as true).
 */
export const envInt = (options: { min?: number; max?: number } = {}) => {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
};

export const envPort = () => envInt({ min: 0, max: 65_535 });

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export const envBool = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.includes(v) || FALSE.includes(v), `must be one of ${[...TRUE, ...FALSE].join(', ')}`)
    .transform((v) => TRUE.includes(v));

/** A URL whose scheme is one of `protocols` (without the colon). */
export const envUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `must be a URL with scheme ${protocols.join(' or ')}`,
    );
