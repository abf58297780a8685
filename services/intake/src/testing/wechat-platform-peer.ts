import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * TEST PEER: the WeChat platform's side of the safe (encrypted) mode, written from the protocol
 * and not from the service's code, so that the two check each other: it encrypts a push as the
 * platform does (random 16 bytes, big-endian length, message, AppID; PKCS#7 to 32-byte blocks;
 * AES-256-CBC with the key's first 16 bytes as IV), signs it, and opens the encrypted replies.
 */
export class WechatPlatformPeer {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
  }

  /** A fresh EncodingAESKey: 32 random bytes, base64 without the trailing '='. */
  static newEncodingAesKey(): string {
    return randomBytes(32).toString('base64').slice(0, 43);
  }

  seal(message: string, options: { appId?: string; padding?: (pad: number) => Buffer } = {}): string {
    const body = Buffer.from(message, 'utf8');
    const size = Buffer.alloc(4);
    size.writeUInt32BE(body.length, 0);
    const raw = Buffer.concat([
      randomBytes(16),
      size,
      body,
      Buffer.from(options.appId ?? this.appId, 'utf8'),
    ]);
    const pad = 32 - (raw.length % 32);
    const padding = options.padding ? options.padding(pad) : Buffer.alloc(pad, pad);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([raw, padding])), cipher.final()]).toString('base64');
  }

  sign(timestamp: string, nonce: string, encrypt: string): string {
    return createHash('sha1').update([this.token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
  }

  /** The query and body of a push in safe mode; `compatible` keeps the plaintext fields beside. */
  push(
    message: string,
    options: {
      appId?: string;
      padding?: (pad: number) => Buffer;
      compatible?: boolean;
      badSignature?: boolean;
    } = {},
  ): { query: string; body: string } {
    const encrypt = this.seal(message, options);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const signature = options.badSignature ? '0'.repeat(40) : this.sign(timestamp, nonce, encrypt);
    const plainSignature = createHash('sha1')
      .update([this.token, timestamp, nonce].sort().join(''))
      .digest('hex');
    const inner = options.compatible ? message.replace(/^<xml>|<\/xml>$/g, '') : '';
    return {
      query: `signature=${plainSignature}&timestamp=${timestamp}&nonce=${nonce}&openid=o1&encrypt_type=aes&msg_signature=${signature}`,
      body: options.compatible
        ? `<xml>${inner}<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
        : `<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    };
  }

  /** The message of an encrypted reply, after checking its signature and AppID; throws otherwise. */
  open(replyXml: string): string {
    const field = (name: string) =>
      new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([^<\\]]*)(?:\\]\\]>)?</${name}>`).exec(replyXml)?.[1] ?? '';
    const encrypt = field('Encrypt');
    if (this.sign(field('TimeStamp'), field('Nonce'), encrypt) !== field('MsgSignature'))
      throw new Error('the reply signature does not match');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const raw = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
    const unpadded = raw.subarray(0, raw.length - (raw[raw.length - 1] as number));
    const size = unpadded.readUInt32BE(16);
    if (unpadded.subarray(20 + size).toString('utf8') !== this.appId)
      throw new Error('the reply AppID differs');
    return unpadded.subarray(20, 20 + size).toString('utf8');
  }
}
