import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock, ContactReceipt } from '@hotline/contracts';
import { z } from 'zod';
import type { ChannelIntake } from '../channel-intake';
import type { WebhookRequest, WebhookResponse } from '../channel-http-server';
import { smsToContact } from './sms-contact';

const MAX_MESSAGES = 100;
const InboundSms = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ . : -'),
  from: z.string().min(3).max(32),
  text: z.string().max(20_000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export type SmsResult =
  | {
      id: string;
      status: 'accepted' | 'quarantined';
      contactId: string;
      outcome?: string;
      caseNumber?: string;
      reply?: string;
    }
  | { id: string | null; status: 'rejected'; reason: string };

/** HMAC-SHA256 of the raw body with the shared token, hex, in `x-hotline-signature: sha256=<hex>`. */
export function smsWebhookSignature(token: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', token).update(body).digest('hex')}`;
}

/**
 * The SMS channel for gateways that push over HTTP: `POST /sms/inbound` with
 * `{ messages: [{ id, from, text, receivedAt? }] }`, signed with the shared token. Each message is
 * answered on its own (accepted, quarantined, or rejected with its reason), so a bad one never costs
 * the others; the replies (the case number) go back in the response for the gateway to send.
 */
export class SmsWebhook {
  constructor(
    private readonly token: string,
    private readonly intake: ChannelIntake,
    private readonly clock: Clock,
  ) {}

  async handle(request: WebhookRequest): Promise<WebhookResponse> {
    const given = Buffer.from(String(request.headers['x-hotline-signature'] ?? ''));
    const expected = Buffer.from(smsWebhookSignature(this.token, request.body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      this.intake.refused('sms', 'bad-signature', { path: request.path });
      return json(401, {
        error: { code: 'BAD_SIGNATURE', message: 'x-hotline-signature does not match the body' },
      });
    }
    let messages: unknown;
    try {
      messages = (JSON.parse(request.body.toString('utf8')) as { messages?: unknown }).messages;
    } catch {
      this.intake.refused('sms', 'malformed', {});
      return json(400, { error: { code: 'MALFORMED', message: 'body: is not valid JSON' } });
    }
    if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) {
      this.intake.refused('sms', 'malformed', {});
      return json(400, {
        error: { code: 'MALFORMED', message: `messages: must be an array of 1 to ${MAX_MESSAGES} messages` },
      });
    }
    const results: SmsResult[] = [];
    for (const message of messages) results.push(await this.one(message));
    return json(200, { results });
  }

  private async one(message: unknown): Promise<SmsResult> {
    const parsed = InboundSms.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id =
        typeof (message as { id?: unknown })?.id === 'string' ? (message as { id: string }).id : null;
      this.intake.refused('sms', 'malformed', { id });
      return {
        id,
        status: 'rejected',
        reason: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'is invalid'}`,
      };
    }
    const { id, from, text, receivedAt } = parsed.data;
    const contact = smsToContact(from, text, receivedAt ? new Date(receivedAt) : this.clock.now(), id);
    if (!contact.ok) {
      this.intake.refused('sms', contact.reason, { id, from });
      return { id, status: 'rejected', reason: `text: ${contact.reason}` };
    }
    try {
      const receipt = await this.intake.take(contact.input);
      if (receipt.reply && receipt.recorded)
        await this.intake.recordReply(receipt.contactId, 'sms', receipt.reply, receipt.contactId);
      return accepted(id, receipt);
    } catch (error) {
      this.intake.logger.error({ err: error, id }, 'an SMS from the webhook could not be recorded');
      return { id, status: 'rejected', reason: 'temporarily unavailable; send it again' };
    }
  }
}

const accepted = (id: string, receipt: ContactReceipt): SmsResult => ({
  id,
  status: receipt.quarantine ? 'quarantined' : 'accepted',
  contactId: receipt.contactId,
  ...(receipt.outcome ? { outcome: receipt.outcome } : {}),
  ...(receipt.caseNumber ? { caseNumber: receipt.caseNumber } : {}),
  ...(receipt.reply ? { reply: receipt.reply } : {}),
});

const json = (status: number, body: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});
