import {
  OutboundCallFinished,
  RecordReminderDelivery,
  ReminderDeliveryAttempted,
  ReminderSent,
  type Clock,
  type ReminderChannel,
} from '@hotline/contracts';
import type { Reaction, ReactorSpec } from '@hotline/infra/reactor';
import type { NotificationSender, ReminderNotice } from './notification-sender';
import type { ReminderCommands } from './reminder.endpoints';
import { reminderOfCall } from './staff-notification-sender';

export const DELIVERY_CONSUMER = 'escalation-reminder-delivery';

export interface ReminderDeliveryOptions {
  commands: ReminderCommands;
  sender: NotificationSender;
  clock: Clock;
  maxAttempts: number;
  /** The wait before attempt n+1 is `retryBaseMs × 2^(n-1)`, at most 30 s. */
  retryBaseMs: number;
}

/**
 * Delivers reminders on their channels, at least once: a `ReminderSent` makes the first attempt on
 * each channel but the portal; a failed attempt makes the next one after a backoff counted from the
 * failure, until the decider records the reminder undelivered. Each attempt's outcome is an event
 * whose command id names the attempt (not the event), so a redelivered event records nothing twice.
 * A crash loses nothing: the unacknowledged event comes back and the attempt is made again.
 */
export function reminderDelivery(options: ReminderDeliveryOptions): ReactorSpec {
  const attempt = async (
    { commandWithId, refusable }: Reaction,
    notice: ReminderNotice,
    channel: Exclude<ReminderChannel, 'portal'>,
    number: number,
  ): Promise<void> => {
    let outcome: 'delivered' | 'requested' | 'failed';
    let error: string | undefined;
    try {
      outcome = await options.sender.send(channel, notice, number);
    } catch (failure) {
      outcome = 'failed';
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
    }
    await refusable(() =>
      options.commands.execute(
        commandWithId(RecordReminderDelivery, `deliver:${notice.reminderId}:${channel}:${number}`, {
          reminderId: notice.reminderId,
          channel,
          attempt: number,
          outcome,
          ...(error ? { error } : {}),
        }),
      ),
    );
  };

  return {
    name: DELIVERY_CONSUMER,
    events: [ReminderSent, ReminderDeliveryAttempted, OutboundCallFinished],
    refusal: 'a delivery was refused',
    react: async (reaction) => {
      const { event } = reaction;
      if (event.type === ReminderSent.type) {
        const data = event.data as ReminderNotice & { channels: ReminderChannel[] };
        for (const channel of data.channels) {
          if (channel !== 'portal') await attempt(reaction, data, channel, 1);
        }
        return;
      }
      if (event.type === OutboundCallFinished.type) {
        // The telephony's word on a reminder's call: answered is delivered, anything else a failed attempt (retried).
        const call = event.data as { callId: string; outcome: string };
        const of = reminderOfCall(call.callId);
        if (!of) return;
        const answered = call.outcome === 'answered';
        await reaction.refusable(() =>
          options.commands.execute(
            reaction.commandWithId(RecordReminderDelivery, `called:${call.callId}`, {
              reminderId: of.reminderId,
              channel: 'voice',
              attempt: of.attempt,
              outcome: answered ? 'delivered' : 'failed',
              ...(answered ? {} : { error: `the duty phone did not answer (${call.outcome})` }),
            }),
          ),
        );
        return;
      }
      const data = event.data as {
        reminderId: string;
        channel: ReminderChannel;
        attempt: number;
        outcome: string;
      };
      if (data.outcome !== 'failed' || data.attempt >= options.maxAttempts || data.channel === 'portal')
        return;
      const wait = Math.min(30_000, options.retryBaseMs * 2 ** (data.attempt - 1));
      const left = Date.parse(event.time) + wait - options.clock.now().getTime();
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      const sent = await options.commands.sentNotice(data.reminderId);
      if (sent) await attempt(reaction, sent, data.channel, data.attempt + 1);
    },
  };
}
