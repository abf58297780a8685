import { createHmac, timingSafeEqual } from 'node:crypto';
import { CallbackTaskError, CallbackTaskRuleViolation } from './callback-task.errors';

/** 96 bits of HMAC-SHA256: enough that a forged link is never guessed, short enough for an SMS. */
const MAC_BYTES = 12;

/**
 * The signed token of a survey link: `<taskId>.<expiry, epoch seconds base 36>.<mac>`. The task and
 * the expiry are readable (nothing personal), the mac proves the platform issued them.
 */
export class SurveyLinkSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('the survey link secret must have at least 16 characters');
  }

  sign(taskId: string, expiresAt: Date): string {
    const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
    return `${taskId}.${expiry}.${this.mac(taskId, expiry)}`;
  }

  /** The task of a genuine, unexpired token; otherwise throws, naming which (nothing else is revealed). */
  verify(token: string, now: Date): { taskId: string; expiresAt: Date } {
    const parts = token.split('.');
    const mac = parts.pop();
    const expiry = parts.pop();
    const taskId = parts.join('.');
    if (!mac || !expiry || !taskId || !this.macMatches(mac, this.mac(taskId, expiry)))
      throw new CallbackTaskRuleViolation(
        CallbackTaskError.LinkInvalid,
        'token: this survey link is not valid',
        {
          field: 'token',
        },
      );
    const expiresAt = new Date(parseInt(expiry, 36) * 1000);
    if (!(expiresAt.getTime() > now.getTime()))
      throw new CallbackTaskRuleViolation(
        CallbackTaskError.LinkExpired,
        'token: this survey link has expired',
        {
          field: 'token',
        },
      );
    return { taskId, expiresAt };
  }

  private mac(taskId: string, expiry: string): string {
    return createHmac('sha256', this.secret)
      .update(`${taskId}|${expiry}`)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }

  private macMatches(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
