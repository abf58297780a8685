import { MAX_CONTACT_CONTENT_LENGTH } from '@hotline/contracts';

/** Control characters other than tab and newline: noise from broken encoders, never meant text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

export type TextVerdict =
  { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'unreadable' };

/**
 * Whether a channel's text can be a contact: not empty, not beyond the contact limit, not mostly
 * garbage (replacement characters and control codes left by a wrong encoding).
 */
export function judgeText(raw: string, maxLength = MAX_CONTACT_CONTENT_LENGTH): TextVerdict {
  const garbage = (raw.match(CONTROL) ?? []).length;
  const text = raw.replace(CONTROL, '').replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) return { ok: false, reason: garbage > 0 ? 'unreadable' : 'empty' };
  if (garbage > text.length / 4) return { ok: false, reason: 'unreadable' };
  if ([...text].length > maxLength) return { ok: false, reason: 'too-long' };
  return { ok: true, text };
}
