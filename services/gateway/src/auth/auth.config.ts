import { z } from 'zod';
import { envBool, envInt, envUrl, secret } from '@hotline/infra/config';

const list = () =>
  z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );

/** The gateway's settings for accounts, sessions, OIDC, rate limits (the platform's are separate). */
export const authConfigSchema = z.object({
  HOTLINE_SESSION_SECRET: secret(z.string().min(32, 'must have at least 32 characters'))
    .optional()
    .describe(
      'Key that signs session cookies (HS256); required in distributed mode, else generated once into <HOTLINE_DATA_DIR>/session-secret',
    ),
  HOTLINE_SESSION_IDLE_MINUTES: envInt({ min: 1, max: 24 * 60 })
    .default(30)
    .describe('A session unused this long ends'),
  HOTLINE_SESSION_MAX_HOURS: envInt({ min: 1, max: 24 * 30 })
    .default(12)
    .describe('A session ends this long after sign-in, however active'),
  HOTLINE_INSECURE_COOKIES: envBool()
    .default(false)
    .describe('Send session cookies without Secure (plain-HTTP development only)'),
  HOTLINE_ADMIN_PASSWORD: secret(z.string().min(10))
    .default('ChangeMe@12345')
    .describe('Initial password of the admin account (city-admin), which must be changed at first sign-in'),
  HOTLINE_LOCKOUT_MAX_FAILURES: envInt({ min: 1, max: 100 })
    .default(5)
    .describe('Failed sign-ins within the window that lock an account'),
  HOTLINE_LOCKOUT_WINDOW_MINUTES: envInt({ min: 1, max: 24 * 60 })
    .default(15)
    .describe('The window in which failed sign-ins are counted'),
  HOTLINE_LOCKOUT_MINUTES: envInt({ min: 1, max: 24 * 60 })
    .default(15)
    .describe('How long a lockout lasts (an admin may unlock earlier)'),
  OIDC_ISSUER: z
    .string()
    .optional()
    .describe('OpenID Connect issuer whose JWTs are accepted as bearer tokens; unset: no OIDC'),
  OIDC_AUDIENCE: z
    .string()
    .optional()
    .describe('The audience (aud) those JWTs must carry; required with OIDC_ISSUER'),
  OIDC_JWKS_URL: envUrl(['https', 'http'])
    .optional()
    .describe("The provider's JWKS URL; default <OIDC_ISSUER>/.well-known/jwks.json"),
  OIDC_ROLE_CLAIM: z.string().default('hotline_role').describe('Claim holding the gateway role'),
  OIDC_DISTRICT_CLAIM: z
    .string()
    .default('hotline_district')
    .describe('Claim holding the district (city for city-wide roles)'),
  OIDC_UNIT_CLAIM: z.string().default('hotline_unit').describe('Claim holding the unit of unit roles'),
  OIDC_NAME_CLAIM: z.string().default('name').describe('Claim holding the display name'),
  HOTLINE_RATE_LIMIT_PER_MINUTE: envInt({ min: 1, max: 1_000_000 })
    .default(120)
    .describe('Sustained requests per minute one client address may make to public routes'),
  HOTLINE_RATE_LIMIT_BURST: envInt({ min: 1, max: 1_000_000 })
    .default(60)
    .describe('Requests one client address may make to public routes at once before the rate applies'),
  HOTLINE_TRUSTED_PROXIES: list()
    .default([])
    .describe(
      'Comma-separated addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed',
    ),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;
