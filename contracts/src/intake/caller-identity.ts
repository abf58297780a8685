import { z } from 'zod';
import { CanonicalPhoneNumber, ChinesePhoneNumber } from '../workflow/citizen';

const identityFields = {
  name: z.string().trim().min(1).max(64).optional(),
  email: z.email().max(254).optional(),
  /** The follower's OpenID of the WeChat official account. */
  wechatOpenId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ -')
    .optional(),
  address: z.string().trim().min(1).max(500).optional(),
  /** The caller declined to give a name (匿名). */
  anonymous: z.boolean().default(false),
};

/**
 * Who contacted the hotline, as they gave it: nothing is required, since a caller may hang up
 * before giving a name and an email has no phone number.
 */
export const CallerIdentityInput = z.object({ ...identityFields, phone: ChinesePhoneNumber.optional() });

/** The caller identity as events record it: the phone number in canonical form. */
export const CallerIdentity = z.object({ ...identityFields, phone: CanonicalPhoneNumber.optional() });
export type CallerIdentity = z.infer<typeof CallerIdentity>;
