import { HotlineError } from '@hotline/contracts';

/**
 * An outbound channel (the SMSC, the mail relay) that is not configured or did not take a message:
 * `unavailable`, so the sender keeps its retries. `field` names what chose the channel, if anything.
 */
export const channelUnavailable = (channel: 'sms' | 'email', message: string, field?: string): HotlineError =>
  new HotlineError('unavailable', 'NOTICE_CHANNEL_UNAVAILABLE', `${channel}: ${message}`, field);

/** Why a channel refused, short: its error's message only (never the recipient or the text). */
export const refusalReason = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 200);
