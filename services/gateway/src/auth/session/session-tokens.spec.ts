import { SessionTokens } from './session-tokens';
import { signHs256 } from './jwt';

const key = new Uint8Array(32).fill(7);
const tokens = new SessionTokens(key, { idleSeconds: 30 * 60, maxSeconds: 12 * 3600 });
const at = (iso: string) => new Date(iso);

describe('SessionTokens', () => {
  const { token, claims } = tokens.issue('agent', 3, at('2026-03-02T09:00:00Z'));

  it('verifies its own token and reads the username and session version', () => {
    expect(tokens.verify(token, at('2026-03-02T09:10:00Z'))).toMatchObject({ sub: 'agent', sv: 3 });
  });

  it('ends a session idle longer than the idle timeout', () => {
    expect(tokens.verify(token, at('2026-03-02T09:31:00Z'))).toBeUndefined();
  });

  it('keeps an active session alive, but not past its absolute lifetime', () => {
    const touched = tokens.touch(claims, at('2026-03-02T20:50:00Z'));
    expect(tokens.verify(touched.token, at('2026-03-02T20:55:00Z'))).toMatchObject({ jti: claims.jti });
    const late = tokens.touch(claims, at('2026-03-02T20:59:00Z'));
    expect(tokens.verify(late.token, at('2026-03-02T21:00:01Z'))).toBeUndefined();
  });

  it('refuses a token signed with another key or altered', () => {
    const other = new SessionTokens(new Uint8Array(32).fill(8), { idleSeconds: 1800, maxSeconds: 43200 });
    expect(other.verify(token, at('2026-03-02T09:10:00Z'))).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = signHs256({ ...claims, sub: 'admin' }, new Uint8Array(32)).split('.')[1];
    expect(tokens.verify(`${header}.${forged}.${signature}`, at('2026-03-02T09:10:00Z'))).toBeUndefined();
  });

  it('derives a CSRF token from the session id and checks it in constant time', () => {
    const csrf = tokens.csrfToken(claims);
    expect(tokens.checkCsrf(claims, csrf)).toBe(true);
    expect(tokens.checkCsrf(claims, `${csrf.slice(0, -1)}x`)).toBe(false);
    expect(tokens.checkCsrf(claims, undefined)).toBe(false);
    expect(tokens.checkCsrf({ jti: 'another-session' }, csrf)).toBe(false);
  });
});
