import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A real JWKS endpoint on loopback serving a key this test generated, and a signer for its tokens:
 * the identity provider's side of OIDC bearer tokens, for tests.
 */
export class TestIdentityProvider {
  readonly issuer = 'https://idp.test.hotline';
  readonly audience = 'hotline-gateway';
  private readonly key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  /** A key the provider does not publish: tokens signed with it must be refused. */
  readonly strangerKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  private server: Server | undefined;
  jwksUrl = '';

  async start(): Promise<void> {
    const jwk = { ...this.key.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256', use: 'sig' };
    this.server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A signed ES256 token with sensible claims, changed by `claims`; `key` to sign with another key. */
  token(claims: Record<string, unknown> = {}, key: KeyObject = this.key.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: this.issuer,
      aud: this.audience,
      sub: 'oidc-user-1',
      iat: now,
      exp: now + 300,
      name: '林主任',
      hotline_role: 'center',
      hotline_district: 'city',
      ...claims,
    };
    const input = `${encode({ alg: 'ES256', kid: 'k1', typ: 'JWT' })}.${encode(payload)}`;
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  }
}
