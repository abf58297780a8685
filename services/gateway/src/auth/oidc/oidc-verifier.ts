import { DistrictId, GatewayRole, type Clock } from '@hotline/contracts';
import { checkScope } from '../account/account-scope';
import type { Identity } from '../identity';
import { ASYMMETRIC_ALGORITHMS, checkClaims, decodeJwt, verifyAsymmetric } from '../session/jwt';
import { JwksCache } from './jwks-cache';

export interface OidcOptions {
  issuer: string;
  audience: string;
  jwksUrl: string;
  claims: { role: string; district: string; unit: string; name: string };
  clock: Clock;
}

const LEEWAY_SECONDS = 30;

/**
 * Bearer JWTs of the city's identity provider: signature by a key of its JWKS, issuer, audience,
 * expiry; the role, district and unit from the configured claims. Anything wrong is simply no
 * identity (401 without detail).
 */
export class OidcVerifier {
  private readonly jwks: JwksCache;

  constructor(private readonly options: OidcOptions) {
    this.jwks = new JwksCache(options.jwksUrl, () => options.clock.now().getTime());
  }

  async verify(token: string): Promise<Identity | undefined> {
    const decoded = decodeJwt(token);
    if (!decoded || !ASYMMETRIC_ALGORITHMS.includes(decoded.header.alg)) return undefined;
    const { issuer, audience, claims, clock } = this.options;
    if (!checkClaims(decoded.payload, clock.now(), { issuer, audience, leewaySeconds: LEEWAY_SECONDS })) {
      return undefined;
    }
    const key = await this.jwks.key(decoded.header.kid, decoded.header.alg);
    if (!key || !verifyAsymmetric(decoded, key)) return undefined;
    const { payload } = decoded;
    const role = GatewayRole.safeParse(payload[claims.role]);
    const district = DistrictId.safeParse(payload[claims.district] ?? 'city');
    const unit = payload[claims.unit];
    const subject = payload.sub;
    if (!role.success || !district.success || typeof subject !== 'string' || subject === '') return undefined;
    if (unit !== undefined && typeof unit !== 'string') return undefined;
    const scope = {
      role: role.data,
      districtId: district.data,
      ...(unit !== undefined ? { unitId: unit } : {}),
    };
    try {
      checkScope(scope);
    } catch {
      return undefined;
    }
    const name = payload[claims.name];
    const username = typeof payload.preferred_username === 'string' ? payload.preferred_username : subject;
    return {
      kind: 'oidc',
      actorId: `oidc:${subject.slice(0, 120)}`,
      username,
      displayName: typeof name === 'string' ? name : username,
      ...scope,
      mustChangePassword: false,
    };
  }
}
