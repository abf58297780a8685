import { createHash } from 'node:crypto';
import { MAX_CONTACT_CONTENT_LENGTH, normalizeChinesePhone, type AttachmentRef } from '@hotline/contracts';
import type { ParsedMail } from 'mailparser';
import type { ContactInputData } from '../../contact/contact-intake.service';
import { judgeAttachment } from '@hotline/infra/attachments';
import { judgeText } from '../contact-text';
import type { FileAttachmentStore } from '@hotline/infra/attachments';

/** Mail beyond this many characters of text is refused outright; below it, long text is kept as a file. */
export const MAX_MAIL_TEXT = 100_000;
const KEPT_TEXT = MAX_CONTACT_CONTENT_LENGTH - 100;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export type MailVerdict =
  | { ok: true; input: ContactInputData; quarantine?: { reason: 'attachment-refused'; detail: string } }
  | { ok: false; responseCode: number; reason: string; message: string };

const refuse = (responseCode: number, reason: string, message: string): MailVerdict => ({
  ok: false,
  responseCode,
  reason,
  message,
});

/**
 * A parsed mail as a contact: the sender's address and name, the subject, the text (long text is
 * shortened and kept whole as an attachment), a mobile number found in the text for the callback,
 * the attachments the policy keeps. Mail without a sender or readable text is refused with an SMTP
 * code that tells the sender why.
 */
export async function mailToContact(
  mail: ParsedMail,
  raw: { sha256: string; receivedAt: string },
  store: FileAttachmentStore,
  maxAttachmentBytes: number,
): Promise<MailVerdict> {
  const sender = mail.from?.value[0];
  if (!sender?.address) return refuse(550, 'no-sender', 'the message has no From address');
  const subject = mail.subject?.trim().slice(0, 200) || undefined;
  const body = mail.text ?? '';
  if (body.length > MAX_MAIL_TEXT)
    return refuse(552, 'too-long', `the text is longer than ${MAX_MAIL_TEXT} characters`);
  const verdict = judgeText(body, Number.MAX_SAFE_INTEGER);
  if (!verdict.ok && (verdict.reason === 'unreadable' || !subject)) {
    return refuse(
      550,
      verdict.reason,
      verdict.reason === 'unreadable' ? 'the text is not readable' : 'the message has no text',
    );
  }
  const text = verdict.ok ? verdict.text : (subject as string);
  const attachments: AttachmentRef[] = [];
  const refused: string[] = [];
  if ([...text].length > KEPT_TEXT) {
    attachments.push(await store.save('message.txt', 'text/plain', Buffer.from(text, 'utf8')));
  }
  for (const [index, part] of mail.attachments.entries()) {
    const file = {
      filename: part.filename ?? `attachment-${index + 1}`,
      mediaType: part.contentType,
      content: part.content,
    };
    const judged = judgeAttachment(file, attachments.length, maxAttachmentBytes);
    if (judged.keep) attachments.push(await store.save(file.filename, file.mediaType, file.content));
    else refused.push(`${file.filename} (${judged.reason})`);
  }
  const content =
    [...text].length > KEPT_TEXT
      ? `${[...text].slice(0, KEPT_TEXT).join('')}…（全文见附件 message.txt）`
      : text;
  const mobile = MOBILE_IN_TEXT.exec(text)?.[0];
  const phone = mobile ? normalizeChinesePhone(mobile) : undefined;
  const messageKey = mail.messageId ?? raw.sha256;
  const input: ContactInputData = {
    contactId: `mail-${createHash('sha1').update(messageKey).digest('hex').slice(0, 32)}`,
    channel: 'email',
    receivedAt: raw.receivedAt,
    caller: {
      email: sender.address.toLowerCase(),
      anonymous: false,
      ...(sender.name ? { name: sender.name.slice(0, 64) } : {}),
      ...(phone ? { phone } : {}),
    },
    content,
    attachments,
    ...(subject ? { subject } : {}),
    ...(mail.messageId ? { externalRef: mail.messageId.slice(0, 256) } : {}),
  };
  if (refused.length === 0) return { ok: true, input };
  return {
    ok: true,
    input,
    quarantine: { reason: 'attachment-refused', detail: `refused: ${refused.join(', ')}`.slice(0, 2000) },
  };
}
