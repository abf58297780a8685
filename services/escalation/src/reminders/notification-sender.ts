import type { ReminderChannel } from '@hotline/contracts';

/** What a channel is given: enough to phone or text the unit, nothing about the citizen. */
export interface ReminderNotice {
  reminderId: string;
  caseId: string;
  unitId: string;
  dueAt: string | undefined;
  note: string | undefined;
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
  ): Promise<'delivered' | 'requested'>;
}

/**
 * The channels as this release can reach them: a voice call is a request the telephony takes from
 * the event; SMS and email need the intake's outbound channel on the bus, which does not exist yet,
 * so they fail (and show as undelivered) rather than pretend.
 */
export const busNotificationSender: NotificationSender = {
  send(channel) {
    if (channel === 'voice') return Promise.resolve('requested');
    return Promise.reject(new Error(`no ${channel} gateway is reachable on the bus`));
  },
};
