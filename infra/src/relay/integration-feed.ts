import { platformRegistry, type RecordedEvent } from '@hotline/contracts';
import { StorageType, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { nanos } from '@nats-io/nats-core';
import type { EventPublisher } from '../bus/event-bus.port';
import { JetStreamEventPublisher } from '../bus/jetstream-event-publisher';
import { RedactingEventPublisher } from './redacting-event-publisher';

export interface IntegrationFeedOptions {
  connection: NatsConnection;
  stream: string;
  subjectPrefix: string;
  categories: readonly string[];
  /** How long to wait for each publish acknowledgement (see JetStreamEventPublisher). */
  ackTimeoutMs?: number;
  /** How long a `Nats-Msg-Id` is remembered. Default 2 min, as on the internal stream. */
  duplicateWindowMs?: number;
  onUnreadable?: (event: RecordedEvent, error: unknown) => void;
}

/**
 * The integration feed for municipal IT (ADR 0006): its own JetStream stream, so NATS account
 * permissions can grant integrators this stream and nothing of the internal one. Creates the stream
 * when missing and answers the publisher the relay fans out to.
 */
export async function integrationFeed(
  jsm: JetStreamManager,
  options: IntegrationFeedOptions,
): Promise<EventPublisher> {
  const subjects = [`${options.subjectPrefix}.>`];
  try {
    await jsm.streams.info(options.stream);
  } catch {
    await jsm.streams.add({
      name: options.stream,
      subjects,
      storage: StorageType.File,
      duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
    });
  }
  const inner = new JetStreamEventPublisher({
    connection: options.connection,
    ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    topology: {
      eventsStream: options.stream,
      eventsSubjectPrefix: options.subjectPrefix,
      // The feed has no dead letters; the topology only needs names that differ from the feed's.
      dlqStream: `${options.stream}_UNUSED_DLQ`,
      dlqSubjectPrefix: `${options.subjectPrefix}-unused-dlq`,
    },
  });
  return new RedactingEventPublisher({
    inner,
    registry: platformRegistry(),
    categories: options.categories,
    ...(options.onUnreadable ? { onUnreadable: options.onUnreadable } : {}),
  });
}
