import { z } from 'zod';
import { personal } from '../messages/personal-data';
import { CANONICAL_PHONE, normalizeChinesePhone } from './phone-number';

const PHONE_REASON = 'must be a Chinese mobile (1xxxxxxxxxx) or landline (0xx-xxxxxxxx) number';

/** A phone number as typed; parses to the canonical form. */
export const ChinesePhoneNumber = z.string().transform((raw, ctx) => {
  const canonical = normalizeChinesePhone(raw);
  if (canonical === undefined) ctx.addIssue({ code: 'custom', message: PHONE_REASON });
  return canonical ?? raw;
});

/** A phone number in canonical form, as events carry it. */
export const CanonicalPhoneNumber = z.string().regex(CANONICAL_PHONE, PHONE_REASON);

/** Name, phone and address are personal data: removed from events on the integration stream. */
const citizenFields = {
  name: personal(z.string().trim().min(1).max(64)).optional(),
  address: personal(z.string().trim().min(1).max(500)).optional(),
  /** 保密: the citizen's identity is hidden from handling units. */
  confidential: z.boolean().default(false),
  /** 匿名: the citizen gave no name; a phone number may still allow a callback. */
  anonymous: z.boolean().default(false),
};

const namedUnlessAnonymous = (c: {
  anonymous: boolean;
  name?: string | undefined;
  phone?: string | undefined;
}) => c.anonymous || (c.name !== undefined && c.phone !== undefined);
const NAMED_MESSAGE = {
  message: 'a citizen who is not anonymous needs a name and a phone number',
  path: ['name'],
};

/** The citizen as a command gives it. */
export const CitizenInput = z
  .object({ ...citizenFields, phone: ChinesePhoneNumber.optional() })
  .refine(namedUnlessAnonymous, NAMED_MESSAGE);

/** The citizen as events record it. */
export const Citizen = z
  .object({ ...citizenFields, phone: personal(CanonicalPhoneNumber).optional() })
  .refine(namedUnlessAnonymous, NAMED_MESSAGE);
export type Citizen = z.infer<typeof Citizen>;
