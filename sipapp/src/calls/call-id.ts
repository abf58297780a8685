import { createHash } from 'node:crypto';

/** What the platform's ids allow (ClientId): a call id used as is when it fits. */
const FITS = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/**
 * The platform's id of a call from its SIP Call-ID. Many phones and sipp put `@host` (or other
 * characters the platform's ids refuse) in a Call-ID: those become the allowed characters plus a
 * hash of the whole Call-ID, so two calls never share an id. rtpengine keeps the SIP Call-ID.
 */
export function platformCallId(sipCallId: string): string {
  if (FITS.test(sipCallId)) return sipCallId;
  const readable = sipCallId.replace(/[^A-Za-z0-9_.:-]/g, '.').replace(/^[^A-Za-z0-9]+/, '');
  const hash = createHash('sha256').update(sipCallId).digest('hex').slice(0, 16);
  return `${readable.slice(0, 60)}-${hash}`.replace(/^-/, 'call-');
}
