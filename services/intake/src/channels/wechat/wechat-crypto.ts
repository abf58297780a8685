import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@hotline/contracts';

/** WeChat pads to 32-byte blocks (PKCS#7 with k = 32), not to the 16 bytes of the AES block. */
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;

export type DecryptVerdict =
  { ok: true; xml: string } | { ok: false; reason: 'malformed-ciphertext' | 'bad-padding' | 'bad-appid' };

/** The safe-mode signature: SHA-1 of token, timestamp, nonce and the ciphertext, sorted and joined. */
export function wechatMsgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

/** Whether `given` is the safe-mode signature of this push, compared in constant time. */
export function msgSignatureMatches(
  token: string,
  query: URLSearchParams,
  encrypt: string,
): 'ok' | 'missing-signature' | 'bad-signature' {
  const given = query.get('msg_signature');
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!given || !timestamp || !nonce) return 'missing-signature';
  const expected = Buffer.from(wechatMsgSignature(token, timestamp, nonce, encrypt));
  const actual = Buffer.from(given.toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? 'ok' : 'bad-signature';
}

/**
 * The official account's encrypted (safe) mode: AES-256-CBC with the key from the EncodingAESKey
 * (43 base64 characters = 32 bytes) and the key's first 16 bytes as the IV. The plaintext is 16
 * random bytes, the message length (4 bytes, big-endian), the message and the AppID, padded to a
 * multiple of 32 bytes; a message for another account (its AppID) is refused.
 */
export class WechatCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    if (!ENCODING_AES_KEY.test(encodingAesKey))
      throw new ValidationError('encodingAesKey', 'must be the 43 base64 characters WeChat shows');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    this.iv = this.key.subarray(0, 16);
  }

  encrypt(xml: string, random: Buffer = randomBytes(RANDOM_BYTES)): string {
    const message = Buffer.from(xml, 'utf8');
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(message.length);
    const plain = Buffer.concat([random, length, message, Buffer.from(this.appId, 'utf8')]);
    const pad = PAD_BLOCK - (plain.length % PAD_BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    return Buffer.concat([
      cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
      cipher.final(),
    ]).toString('base64');
  }

  decrypt(encrypted: string): DecryptVerdict {
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % PAD_BLOCK !== 0 || data.toString('base64') !== encrypted.trim())
      return { ok: false, reason: 'malformed-ciphertext' };
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
      plain = Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      return { ok: false, reason: 'malformed-ciphertext' };
    }
    const pad = plain[plain.length - 1] as number;
    if (pad < 1 || pad > PAD_BLOCK || !plain.subarray(plain.length - pad).every((byte) => byte === pad))
      return { ok: false, reason: 'bad-padding' };
    const body = plain.subarray(0, plain.length - pad);
    if (body.length < RANDOM_BYTES + LENGTH_BYTES) return { ok: false, reason: 'malformed-ciphertext' };
    const length = body.readUInt32BE(RANDOM_BYTES);
    const start = RANDOM_BYTES + LENGTH_BYTES;
    if (start + length > body.length) return { ok: false, reason: 'malformed-ciphertext' };
    const appId = body.subarray(start + length).toString('utf8');
    if (appId !== this.appId) return { ok: false, reason: 'bad-appid' };
    return { ok: true, xml: body.subarray(start, start + length).toString('utf8') };
  }
}
