import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { checkClaims, signHs256, verifyHs256 } from './jwt';

export interface SessionClaims {
  /** The username. */
  sub: string;
  /** The account's session version when signed in: a later password, scope or disable change ends it. */
  sv: number;
  /** Session id; the CSRF token derives from it. */
  jti: string;
  /** Last activity (seconds): older than the idle timeout ends the session. */
  lat: number;
  /** Absolute end (seconds). */
  exp: number;
}

export interface SessionPolicy {
  idleSeconds: number;
  maxSeconds: number;
}

const ISSUER = 'hotline-gateway';
const AUDIENCE = 'hotline-session';
/** Activity is written back to the cookie at most this often. */
export const ACTIVITY_REFRESH_SECONDS = 60;

/** Session cookies: HS256 JWTs with an idle timeout and an absolute lifetime. */
export class SessionTokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly policy: SessionPolicy,
  ) {}

  /** A new session for `username` at session version `sv`. */
  issue(username: string, sv: number, now: Date): { token: string; claims: SessionClaims } {
    const seconds = Math.floor(now.getTime() / 1000);
    const claims: SessionClaims = {
      sub: username,
      sv,
      jti: randomBytes(16).toString('base64url'),
      lat: seconds,
      exp: seconds + this.policy.maxSeconds,
    };
    return { token: this.sign(claims, seconds), claims };
  }

  /** The same session with its activity moved to `now` (the absolute end stays). */
  touch(claims: SessionClaims, now: Date): { token: string; claims: SessionClaims } {
    const seconds = Math.floor(now.getTime() / 1000);
    const touched = { ...claims, lat: seconds };
    return { token: this.sign(touched, seconds), claims: touched };
  }

  /** The claims of a valid, unexpired, recently active session token; undefined otherwise. */
  verify(token: string, now: Date): SessionClaims | undefined {
    const payload = verifyHs256(token, this.key);
    if (!payload || !checkClaims(payload, now, { issuer: ISSUER, audience: AUDIENCE })) return undefined;
    const { sub, sv, jti, lat, exp } = payload as Partial<SessionClaims>;
    if (typeof sub !== 'string' || typeof sv !== 'number' || typeof jti !== 'string') return undefined;
    if (typeof lat !== 'number' || typeof exp !== 'number') return undefined;
    if (now.getTime() / 1000 - lat > this.policy.idleSeconds) return undefined;
    return { sub, sv, jti, lat, exp };
  }

  /** The double-submit CSRF token of a session: an HMAC of its id, so nothing is stored. */
  csrfToken(claims: Pick<SessionClaims, 'jti'>): string {
    return createHmac('sha256', this.key).update(`csrf:${claims.jti}`).digest('base64url');
  }

  checkCsrf(claims: Pick<SessionClaims, 'jti'>, header: string | undefined): boolean {
    if (header === undefined) return false;
    const expected = Buffer.from(this.csrfToken(claims));
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(claims: SessionClaims, nowSeconds: number): string {
    return signHs256({ ...claims, iss: ISSUER, aud: AUDIENCE, iat: nowSeconds }, this.key);
  }
}
