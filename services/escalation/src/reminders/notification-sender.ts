import type { ReminderChannel } from '@hotline/contracts';

/** What a channel is given: enough to phone or text the unit, nothing about the citizen. */
export interface ReminderNotice {
  reminderId: string;
  caseId: string;
  unitId: string;
  dueAt: string | undefined;
  note: string | undefined;
  /** An emergency dispatch (紧急): the texts and the call say so. */
  emergency?: boolean;
}

/**
 * Sends a reminder on one channel (not the portal, which is the read model itself). Resolves with
 * `delivered`, or `requested` when another service carries it out (a voice call for the telephony's
 * outbound API, which takes the attempt event as its request); throws when the channel failed.
 */
export interface NotificationSender {
  send(
    channel: Exclude<ReminderChannel, 'portal'>,
    notice: ReminderNotice,
    /** The attempt on this channel (1, 2, …): a call made again needs a call id of its own. */
    attempt?: number,
  ): Promise<'delivered' | 'requested'>;
}
