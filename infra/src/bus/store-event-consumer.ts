import type { RecordedEvent } from '@hotline/contracts';
import { Logger } from '@nestjs/common';
import type { AllSubscription } from '../event-store/event-store.port';
import type { CheckpointStore } from './checkpoint-store.port';
import type { DeadLetterSink } from './dead-letter-sink.port';
import type { EventConsumer, EventHandler } from './event-bus.port';
import type { ResolvedConsumeOptions } from './event-bus.schemas';
import { backoffDelay, type RetryBackoff } from './retry-backoff';

export interface StoreEventConsumerDeps {
  subscription: AllSubscription;
  checkpoints: CheckpointStore;
  deadLetters: DeadLetterSink;
  backoff: RetryBackoff;
  options: ResolvedConsumeOptions;
  handler: EventHandler;
  onStopped: () => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A checkpoint is written after this many handled events or this long after the first one not yet
 * written, whichever comes first, and when the consumer stops: one write per event was a commit per
 * event per consumer. A crash redelivers at most that much, which at-least-once handlers absorb.
 */
const SAVE_EVERY_EVENTS = 200;
const SAVE_AFTER_MS = 100;

/**
 * One durable consumer reading the store itself: each event is handled (retried with backoff,
 * dead-lettered after maxDeliveries) before the next is read, and the position of the last event done
 * with is checkpointed (at most SAVE_AFTER_MS later, and at stop), so a restart resumes after it.
 */
export class StoreEventConsumer implements EventConsumer {
  private readonly logger = new Logger(StoreEventConsumer.name);
  private stopping = false;
  private wakeFromBackoff?: () => void;
  private readonly loop: Promise<void>;
  /** The last event done with, and how many since the checkpoint was written. */
  private done: number | undefined;
  private doneSinceSave = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly deps: StoreEventConsumerDeps) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeFromBackoff?.();
    await this.deps.subscription.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { subscription, options } = this.deps;
    try {
      for await (const item of subscription) {
        if (this.stopping) break;
        if (item.kind === 'caughtUp') continue;
        // Left unsettled (stopped during a backoff): not checkpointed, so delivered again on restart.
        if (!(await this.settle(item.event))) break;
        this.done = item.event.position;
        if (++this.doneSinceSave >= SAVE_EVERY_EVENTS) await this.save();
        else this.saveTimer ??= setTimeout(() => void this.save().catch(() => undefined), SAVE_AFTER_MS);
      }
    } catch (error) {
      this.logger.error(`consumer ${options.durableName} stopped: ${messageOf(error)}`);
    } finally {
      try {
        await this.save();
      } catch (error) {
        this.logger.error(
          `consumer ${options.durableName}: its last checkpoint was not written: ${messageOf(error)}`,
        );
      }
      await subscription.close();
      this.deps.onStopped();
    }
  }

  /** Writes the last position done with, once, after any write already under way. */
  private save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const position = this.done;
    if (position === undefined || this.doneSinceSave === 0) return this.saving;
    this.doneSinceSave = 0;
    const { checkpoints, options } = this.deps;
    // A failed write is not the next one's failure: the next writes a later position anyway.
    this.saving = this.saving
      .catch(() => undefined)
      .then(() => checkpoints.save(options.durableName, position));
    return this.saving;
  }

  /** Handles, or dead-letters, the event; false when stop() interrupted it first. */
  private async settle(event: RecordedEvent): Promise<boolean> {
    const { options, handler } = this.deps;
    if (options.validate !== undefined) {
      try {
        options.validate(event);
      } catch (error) {
        await this.deadLetter(event, 1, `invalid: ${messageOf(error)}`);
        return true;
      }
    }
    for (let deliveryCount = 1; ; deliveryCount++) {
      try {
        await handler(event, { deliveryCount });
        return true;
      } catch (error) {
        if (deliveryCount >= options.maxDeliveries) {
          await this.deadLetter(
            event,
            deliveryCount,
            `handler failed on delivery ${deliveryCount} of ${options.maxDeliveries}: ${messageOf(error)}`,
          );
          return true;
        }
        this.logger.warn(
          `consumer ${options.durableName}: event ${event.id} failed on delivery ${deliveryCount}, retrying: ${messageOf(error)}`,
        );
        if (!(await this.pause(backoffDelay(this.deps.backoff, deliveryCount)))) return false;
      }
    }
  }

  /** Waits `ms`; false when stop() cut the wait short. */
  private async pause(ms: number): Promise<boolean> {
    if (this.stopping) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeFromBackoff = undefined;
    return !this.stopping;
  }

  private async deadLetter(event: RecordedEvent, deliveryCount: number, reason: string): Promise<void> {
    const consumer = this.deps.options.durableName;
    await this.deps.deadLetters.put({ consumer, reason, deliveryCount, event });
    this.logger.warn(
      `consumer ${consumer}: event ${event.id} at position ${event.position} dead-lettered: ${reason}`,
    );
  }
}
