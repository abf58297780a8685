import { createHash } from 'node:crypto';
import { normalizeChinesePhone } from '@hotline/contracts';
import type { ContactInputData } from '../../contact/contact-intake.service';
import { judgeText, type TextVerdict } from '../contact-text';

/**
 * An SMS as a contact. The contact id hashes the sender, the text and a ten-minute bucket: an SMSC
 * that redelivers a message it got no response for (or a webhook retried) records it once, and
 * the same text sent again within minutes counts as the same contact.
 */
export function smsToContact(
  sender: string,
  text: string,
  receivedAt: Date,
  externalRef?: string,
):
  | { ok: true; input: ContactInputData }
  | { ok: false; reason: Exclude<TextVerdict, { ok: true }>['reason'] } {
  const verdict = judgeText(text);
  if (!verdict.ok) return verdict;
  const phone = normalizeChinesePhone(sender);
  const bucket = Math.floor(receivedAt.getTime() / 600_000);
  const contactId = `sms-${createHash('sha1').update(`${sender}\n${verdict.text}\n${bucket}`).digest('hex').slice(0, 32)}`;
  return {
    ok: true,
    input: {
      contactId,
      channel: 'sms',
      receivedAt: receivedAt.toISOString(),
      caller: { anonymous: false, ...(phone ? { phone } : {}) },
      content: verdict.text,
      attachments: [],
      ...(externalRef ? { externalRef } : {}),
    },
  };
}
