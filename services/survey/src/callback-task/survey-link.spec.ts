import { CallbackTaskError } from './callback-task.errors';
import { SurveyLinkSigner } from './survey-link';

const signer = new SurveyLinkSigner('a-test-secret-of-enough-length');
const now = new Date('2026-12-07T02:00:00.000Z');
const expiresAt = new Date('2026-12-10T02:00:00.000Z');

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('survey link', () => {
  it('verifies its own token and gives back the task and the expiry', () => {
    const token = signer.sign('cb-case.1-1', expiresAt);
    expect(signer.verify(token, now)).toEqual({ taskId: 'cb-case.1-1', expiresAt });
    expect(token.length).toBeLessThan(60);
  });

  it('refuses a token whose task was changed', () => {
    const token = signer.sign('cb-a-1', expiresAt).replace('cb-a-1', 'cb-b-1');
    expect(codeOf(() => signer.verify(token, now))).toBe(CallbackTaskError.LinkInvalid);
  });

  it('refuses a token whose expiry was pushed later', () => {
    const [task, , mac] = signer.sign('cb-a-1', expiresAt).split('.');
    const later = Math.floor(Date.parse('2027-01-01T00:00:00Z') / 1000).toString(36);
    expect(codeOf(() => signer.verify(`${task}.${later}.${mac}`, now))).toBe(CallbackTaskError.LinkInvalid);
  });

  it('refuses a token signed with another secret, and garbage', () => {
    const other = new SurveyLinkSigner('another-secret-of-enough-length');
    expect(codeOf(() => signer.verify(other.sign('cb-a-1', expiresAt), now))).toBe(
      CallbackTaskError.LinkInvalid,
    );
    expect(codeOf(() => signer.verify('not-a-token-at-all', now))).toBe(CallbackTaskError.LinkInvalid);
  });

  it('refuses an expired token', () => {
    const token = signer.sign('cb-a-1', new Date('2026-12-07T01:59:59.000Z'));
    expect(codeOf(() => signer.verify(token, now))).toBe(CallbackTaskError.LinkExpired);
  });
});
