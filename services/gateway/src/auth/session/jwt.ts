import { createHmac, timingSafeEqual, verify as verifySignature, type KeyObject } from 'node:crypto';

/**
 * Compact JWS (JWT) signing and verification on node:crypto. (jose is ESM-only, which the
 * project's Jest runtime cannot load; the few algorithms the gateway needs are small.)
 */
export type JwtPayload = Record<string, unknown>;

export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodePart<T>(part: string | undefined): T | undefined {
  if (part === undefined || !/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

/** Splits a compact JWT without trusting it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodePart<JwtHeader>(parts[0]);
  const payload = decodePart<JwtPayload>(parts[1]);
  if (!header || typeof header.alg !== 'string' || !payload || !/^[A-Za-z0-9_-]+$/.test(parts[2] ?? '')) {
    return undefined;
  }
  return {
    header,
    payload,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2] ?? '', 'base64url'),
  };
}

export function signHs256(payload: JwtPayload, key: Uint8Array): string {
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** The payload of an HS256 token signed with `key`; undefined for anything else. */
export function verifyHs256(token: string, key: Uint8Array): JwtPayload | undefined {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header.alg !== 'HS256') return undefined;
  const expected = createHmac('sha256', key).update(decoded.signingInput).digest();
  const ok = expected.length === decoded.signature.length && timingSafeEqual(expected, decoded.signature);
  return ok ? decoded.payload : undefined;
}

const ASYMMETRIC: Record<string, { hash: string; options?: object }> = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', options: { padding: 6, saltLength: 32 } },
  ES256: { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' } },
  ES384: { hash: 'sha384', options: { dsaEncoding: 'ieee-p1363' } },
};

export const ASYMMETRIC_ALGORITHMS = Object.keys(ASYMMETRIC);

/** Whether the signature of a decoded token verifies with a public key, for the RS/PS/ES algorithms. */
export function verifyAsymmetric(decoded: DecodedJwt, key: KeyObject): boolean {
  const algorithm = ASYMMETRIC[decoded.header.alg];
  if (!algorithm) return false;
  try {
    return verifySignature(
      algorithm.hash,
      Buffer.from(decoded.signingInput),
      { key, ...algorithm.options },
      decoded.signature,
    );
  } catch {
    return false;
  }
}

/** Checks exp and nbf (with `leewaySeconds`), and iss and aud when given. */
export function checkClaims(
  payload: JwtPayload,
  now: Date,
  expect: { issuer?: string; audience?: string; leewaySeconds?: number; requireExp?: boolean },
): boolean {
  const seconds = now.getTime() / 1000;
  const leeway = expect.leewaySeconds ?? 0;
  const { exp, nbf, iss, aud } = payload;
  if (exp === undefined && expect.requireExp !== false) return false;
  if (exp !== undefined && (typeof exp !== 'number' || exp + leeway <= seconds)) return false;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf - leeway > seconds)) return false;
  if (expect.issuer !== undefined && iss !== expect.issuer) return false;
  if (expect.audience !== undefined) {
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(expect.audience)) return false;
  }
  return true;
}
