import { z } from 'zod';
import { DistrictId } from '../kernel/ids';
import { GatewayRole } from '../kernel/gateway-roles';
import { UnitId } from '../workflow/case.values';

export const GATEWAY_SERVICE = 'gateway';
/** Streams `account-<username>`: the username is the account's id, unique by the event store. */
export const ACCOUNT_CATEGORY = 'account';
/** Streams `apiToken-<tokenId>`. */
export const API_TOKEN_CATEGORY = 'apiToken';

export const Username = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,47}$/, 'must be 2-48 lowercase letters, digits or -, starting with a letter');
export type Username = z.infer<typeof Username>;

export const DisplayName = z.string().trim().min(1).max(64);

/** What a user may see: a district (`city` for city-wide roles) and, for unit roles, a unit. */
export const AccountScope = z.object({
  role: GatewayRole,
  districtId: DistrictId,
  unitId: UnitId.optional(),
});
export type AccountScope = z.infer<typeof AccountScope>;

/**
 * A password hash with its parameters, `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can
 * be raised later and old hashes still verify. Never leaves the gateway.
 */
export const PasswordHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);

/** The signed-in user as the console sees it (`GET /api/auth/me`). */
export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: GatewayRole,
  districtId: DistrictId,
  unitId: UnitId.optional(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const ApiTokenId = z.string().regex(/^[a-z0-9]{16,32}$/, 'must be 16-32 lowercase letters or digits');
