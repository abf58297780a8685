import { createHash, timingSafeEqual } from 'node:crypto';

/** The official account's push signature: SHA-1 of token, timestamp and nonce, sorted and joined. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export type SignatureVerdict =
  { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-signature' | 'stale-timestamp' };

/**
 * Whether a push comes from WeChat: the signature matches, and the timestamp is recent (a captured
 * request replayed later is refused).
 */
export function verifyWechatSignature(
  token: string,
  query: URLSearchParams,
  now: Date,
  maxAgeSeconds: number,
): SignatureVerdict {
  const signature = query.get('signature');
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing-signature' };
  const expected = Buffer.from(wechatSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > maxAgeSeconds)
    return { ok: false, reason: 'stale-timestamp' };
  return { ok: true };
}
