import { hashPassword, verifyPassword, DECOY_HASH } from './password-hash';
import { checkPasswordPolicy } from './password-policy';

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('Hotline@12345');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Hotline@12345', hash)).toBe(true);
    expect(await verifyPassword('Hotline@12346', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    expect(await hashPassword('Hotline@12345')).not.toBe(await hashPassword('Hotline@12345'));
  });

  it('verifies a hash made with other parameters, which are recorded with it', async () => {
    const cheap = await hashPassword('Hotline@12345', { N: 1024, r: 8, p: 1 } as never);
    expect(cheap).toMatch(/^scrypt\$1024\$/);
    expect(await verifyPassword('Hotline@12345', cheap)).toBe(true);
  });

  it('never matches a malformed hash or the decoy', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('', DECOY_HASH)).toBe(false);
  });
});

describe('password policy', () => {
  it('accepts a long password of three classes', () => {
    expect(checkPasswordPolicy('harbour-lights-42', 'wang-fang')).toBe('harbour-lights-42');
  });

  it.each([
    ['Ab1!', /at least 10 characters/],
    ['alllowercaseletters', /at least 3 of/],
    ['Wang-Fang-2026', /username/],
  ])('refuses %s naming the field and the rule', (password, reason) => {
    expect(() => checkPasswordPolicy(password, 'wang-fang')).toThrow(reason);
    try {
      checkPasswordPolicy(password, 'wang-fang');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'validation', field: 'newPassword', code: 'AUTH_PASSWORD_POLICY' });
    }
  });
});
