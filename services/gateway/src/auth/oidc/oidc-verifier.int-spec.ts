import { TestIdentityProvider } from '../testing/test-identity-provider';
import { OidcVerifier } from './oidc-verifier';

describe('OidcVerifier against a JWKS endpoint on loopback', () => {
  const idp = new TestIdentityProvider();
  let verifier: OidcVerifier;

  beforeAll(async () => {
    await idp.start();
    verifier = new OidcVerifier({
      issuer: idp.issuer,
      audience: idp.audience,
      jwksUrl: idp.jwksUrl,
      claims: { role: 'hotline_role', district: 'hotline_district', unit: 'hotline_unit', name: 'name' },
      clock: { now: () => new Date() },
    });
  });
  afterAll(() => idp.stop());

  it('accepts a token signed by a published key, with the role and scope of its claims', async () => {
    expect(
      await verifier.verify(
        idp.token({ hotline_role: 'unit-handler', hotline_district: 'gulou', hotline_unit: 'gulou-dongjie' }),
      ),
    ).toEqual({
      kind: 'oidc',
      actorId: 'oidc:oidc-user-1',
      username: 'oidc-user-1',
      displayName: '林主任',
      role: 'unit-handler',
      districtId: 'gulou',
      unitId: 'gulou-dongjie',
      mustChangePassword: false,
    });
  });

  it.each([
    ['an expired token', () => idp.token({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ['a wrong issuer', () => idp.token({ iss: 'https://evil.example' })],
    ['a wrong audience', () => idp.token({ aud: 'someone-else' })],
    ['a bad signature', () => idp.token({}, idp.strangerKey)],
    ['an unknown role', () => idp.token({ hotline_role: 'mayor' })],
    ['a unit role without a unit', () => idp.token({ hotline_role: 'unit-leader' })],
    ['no token at all', () => 'not-a-jwt'],
  ])('refuses %s', async (_what, token) => {
    expect(await verifier.verify(token())).toBeUndefined();
  });
});
