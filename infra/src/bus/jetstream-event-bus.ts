import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type JetStreamClient,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import type { ConsumeOptions, EventBus, EventConsumer, EventHandler } from './event-bus.port';
import { resolveConsumeOptions, type ResolvedConsumeOptions } from './event-bus.schemas';
import { JetStreamEventConsumer } from './jetstream-event-consumer';
import { filterSubjectsOf, resolveTopology, type JetStreamTopology } from './jetstream-topology';
import { DEFAULT_RETRY_BACKOFF, type RetryBackoff } from './retry-backoff';

export interface JetStreamEventBusOptions {
  /** Owned by the caller: close() stops the consumers and leaves the connection open. */
  connection: NatsConnection;
  topology?: Partial<JetStreamTopology>;
  /** Delay before redelivering an event whose handler failed. */
  retryBackoff?: RetryBackoff;
}

/** Servers before 2.10 take one filter subject per consumer. */
const supportsFilterList = (connection: NatsConnection): boolean => {
  const [major = 0, minor = 0] = (connection.info?.version ?? '0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
};

/**
 * EventBus on JetStream durable pull consumers: explicit ack, ack wait, one event in flight per
 * consumer (so per-consumer order holds through redelivery), dead letters to the DLQ stream.
 * Replicas that consume with the same durable name share one consumer.
 */
export class JetStreamEventBus implements EventBus {
  private readonly js: JetStreamClient;
  private readonly topology: JetStreamTopology;
  private readonly backoff: RetryBackoff;
  private readonly consumers = new Set<EventConsumer>();

  constructor(private readonly options: JetStreamEventBusOptions) {
    this.js = jetstream(options.connection);
    this.topology = resolveTopology(options.topology);
    this.backoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  }

  async consume(consumeOptions: ConsumeOptions, handler: EventHandler): Promise<EventConsumer> {
    const options = resolveConsumeOptions(consumeOptions);
    const jsm = await jetstreamManager(this.options.connection);
    // Adding an existing durable with a changed config updates it; the same config is a no-op.
    await jsm.consumers.add(this.topology.eventsStream, this.consumerConfig(options));
    const messages = await (
      await this.js.consumers.get(this.topology.eventsStream, options.durableName)
    ).consume({ max_messages: 64 });
    const consumer: EventConsumer = new JetStreamEventConsumer({
      connection: this.options.connection,
      js: this.js,
      topology: this.topology,
      backoff: this.backoff,
      messages,
      options,
      handler,
      onStopped: () => this.consumers.delete(consumer),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }

  private consumerConfig(options: ResolvedConsumeOptions): Partial<ConsumerConfig> {
    const subjects = filterSubjectsOf(this.topology, options.filter);
    const filter =
      subjects.length === 1
        ? { filter_subject: subjects[0] }
        : supportsFilterList(this.options.connection)
          ? { filter_subjects: subjects }
          : { filter_subject: `${this.topology.eventsSubjectPrefix}.>` };
    return {
      durable_name: options.durableName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(options.ackWaitMs),
      max_ack_pending: 1,
      // Unlimited: the consumer dead-letters at maxDeliveries itself, so no event is dropped silently.
      max_deliver: -1,
      ...filter,
    };
  }
}
