import { maskPhone, type GatewayRole } from '@hotline/contracts';

export { maskPhone };

/**
 * Roles that work without citizens' names and numbers: they get them masked in every answer.
 * Agents and the center see everything (they call citizens back); unit roles see what the workflow
 * lets them (it already hides a confidential citizen from units).
 */
export const MASKED_ROLES: readonly GatewayRole[] = [
  'supervisor',
  'auditor',
  'district-admin',
  'city-admin',
  'leader',
];

/** Objects under these keys describe a person: their `name` is personal data too. */
const PERSON_KEYS = new Set(['citizen', 'caller']);
const PHONE_KEY = /phone/i;

/** `郑小红` → `郑**`; `Zheng` → `Z****`. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0] ?? ''}${'*'.repeat(chars.length - 1)}`;
}

function mask(value: unknown, person: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, person));
  if (typeof value !== 'object' || value === null) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && PHONE_KEY.test(key)) masked[key] = maskPhone(field);
    else if (typeof field === 'string' && person && key === 'name') masked[key] = maskName(field);
    else masked[key] = mask(field, PERSON_KEYS.has(key));
  }
  return masked;
}

/** The answer as `role` may see it: names and phone numbers masked for the roles that don't need them. */
export function maskPersonalData<T>(body: T, role: GatewayRole): T {
  return MASKED_ROLES.includes(role) ? (mask(body, false) as T) : body;
}
