import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  HotlineError,
  RecordReminderDelivery,
  systemActor,
  type Clock,
  type RecordedEvent,
  type ReminderChannel,
} from '@hotline/contracts';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import { parseCommand } from '@hotline/infra/command';
import type { Logger } from '@hotline/infra/telemetry';
import type { NotificationSender, ReminderNotice } from './notification-sender';
import type { ReminderCommands } from './reminder.endpoints';

export const DELIVERY_CONSUMER = 'escalation-reminder-delivery';
const ACTOR = systemActor(DELIVERY_CONSUMER);

export interface ReminderDeliveryOptions {
  bus: EventBus;
  commands: ReminderCommands;
  sender: NotificationSender;
  clock: Clock;
  maxAttempts: number;
  /** The wait before attempt n+1 is `retryBaseMs × 2^(n-1)`, at most 30 s. */
  retryBaseMs: number;
  logger?: Logger;
}

/**
 * Delivers reminders on their channels, at least once: a `ReminderSent` makes the first attempt on
 * each channel but the portal; a failed attempt makes the next one after a backoff counted from the
 * failure, until the decider records the reminder undelivered. Each attempt's outcome is an event
 * whose command id names the attempt, so a redelivered event records nothing twice. A crash loses
 * nothing: the unacknowledged event comes back and the attempt is made again.
 */
export class ReminderDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(private readonly options: ReminderDeliveryOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.options.bus.consume(
      {
        durableName: DELIVERY_CONSUMER,
        filter: { eventTypes: ['ReminderSent', 'ReminderDeliveryAttempted'] },
      },
      (event) => this.handle(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handle(event: RecordedEvent): Promise<void> {
    if (event.type === 'ReminderSent') {
      const data = event.data as ReminderNotice & { channels: ReminderChannel[] };
      for (const channel of data.channels) {
        if (channel !== 'portal') await this.attempt(event, data, channel, 1);
      }
      return;
    }
    const data = event.data as {
      reminderId: string;
      unitId: string;
      channel: ReminderChannel;
      attempt: number;
      outcome: string;
    };
    if (data.outcome !== 'failed' || data.attempt >= this.options.maxAttempts || data.channel === 'portal')
      return;
    const wait = Math.min(30_000, this.options.retryBaseMs * 2 ** (data.attempt - 1));
    const left = Date.parse(event.time) + wait - this.options.clock.now().getTime();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    const sent = await this.options.commands.sentNotice(data.reminderId);
    if (sent) await this.attempt(event, sent, data.channel, data.attempt + 1);
  }

  private async attempt(
    cause: RecordedEvent,
    notice: ReminderNotice,
    channel: Exclude<ReminderChannel, 'portal'>,
    attempt: number,
  ): Promise<void> {
    let outcome: 'delivered' | 'requested' | 'failed';
    let error: string | undefined;
    try {
      outcome = await this.options.sender.send(channel, notice);
    } catch (failure) {
      outcome = 'failed';
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
    }
    try {
      await this.options.commands.execute(
        parseCommand(RecordReminderDelivery, {
          commandId: `deliver:${notice.reminderId}:${channel}:${attempt}`,
          type: 'RecordReminderDelivery',
          data: { reminderId: notice.reminderId, channel, attempt, outcome, ...(error ? { error } : {}) },
          metadata: {
            correlationId: cause.metadata.correlationId,
            causationId: cause.id,
            actor: ACTOR,
            districtId: cause.metadata.districtId,
          },
        }),
      );
    } catch (failure) {
      if (failure instanceof HotlineError && failure.kind !== 'internal' && failure.kind !== 'conflict') {
        this.options.logger?.warn({ err: failure, reminderId: notice.reminderId }, 'a delivery was refused');
        return;
      }
      throw failure;
    }
  }
}
