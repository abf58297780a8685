import type { RecordedEvent } from '@hotline/contracts';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { Logger } from '@nestjs/common';
import type { EventConsumer, EventHandler } from './event-bus.port';
import { decodeRecordedEvent, type ResolvedConsumeOptions } from './event-bus.schemas';
import { matchesFilter } from './event-filter';
import { publishDeadLetter } from './jetstream-dead-letter';
import type { JetStreamTopology } from './jetstream-topology';
import { backoffDelay, type RetryBackoff } from './retry-backoff';

export interface JetStreamEventConsumerDeps {
  connection: NatsConnection;
  js: JetStreamClient;
  topology: JetStreamTopology;
  backoff: RetryBackoff;
  messages: ConsumerMessages;
  options: ResolvedConsumeOptions;
  handler: EventHandler;
  onStopped: () => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One durable pull consumer's loop. The consumer allows one unacknowledged message, so events are
 * handled one at a time in stream order and a nak'd event comes back before the next one.
 */
export class JetStreamEventConsumer implements EventConsumer {
  private readonly logger = new Logger(JetStreamEventConsumer.name);
  private stopping = false;
  private readonly loop: Promise<void>;

  constructor(private readonly deps: JetStreamEventConsumerDeps) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.deps.messages.close();
    await this.loop;
    // The last ack leaves before stop() returns, so a restarted consumer does not see that event again.
    if (!this.deps.connection.isClosed()) await this.deps.connection.flush();
  }

  private async run(): Promise<void> {
    try {
      for await (const msg of this.deps.messages) {
        // Given back at once rather than after ack wait, so a restarted consumer gets it without delay.
        if (this.stopping) msg.nak();
        else await this.handle(msg);
      }
    } catch (error) {
      this.logger.error(`consumer ${this.deps.options.durableName} stopped: ${messageOf(error)}`);
    } finally {
      this.deps.onStopped();
    }
  }

  /** Settles the message one way or another; never throws. */
  private async handle(msg: JsMsg): Promise<void> {
    const { options, handler } = this.deps;
    const deliveryCount = msg.info.deliveryCount;
    let event: RecordedEvent;
    try {
      event = decodeRecordedEvent(msg.string());
    } catch (error) {
      return this.deadLetter(msg, `undecodable: ${messageOf(error)}`);
    }
    // The subject filter may be wider than the consumer's filter (see filterSubjectsOf).
    if (!matchesFilter(event, options.filter)) return msg.ack();
    if (options.validate !== undefined) {
      try {
        options.validate(event);
      } catch (error) {
        return this.deadLetter(msg, `invalid: ${messageOf(error)}`);
      }
    }
    try {
      await handler(event, { deliveryCount });
      msg.ack();
    } catch (error) {
      if (deliveryCount >= options.maxDeliveries) {
        return this.deadLetter(
          msg,
          `handler failed on delivery ${deliveryCount} of ${options.maxDeliveries}: ${messageOf(error)}`,
        );
      }
      this.logger.warn(
        `consumer ${options.durableName}: event ${event.id} failed on delivery ${deliveryCount}, retrying: ${messageOf(error)}`,
      );
      msg.nak(backoffDelay(this.deps.backoff, deliveryCount));
    }
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    const { js, topology, options, backoff } = this.deps;
    try {
      await publishDeadLetter(js, topology, options.durableName, msg, reason);
      msg.ack();
      this.logger.warn(`consumer ${options.durableName}: stream message ${msg.seq} dead-lettered: ${reason}`);
    } catch (error) {
      // The message stays ahead of the later ones and is tried again.
      this.logger.error(
        `consumer ${options.durableName}: could not dead-letter stream message ${msg.seq}: ${messageOf(error)}`,
      );
      msg.nak(backoffDelay(backoff, msg.info.deliveryCount));
    }
  }
}
