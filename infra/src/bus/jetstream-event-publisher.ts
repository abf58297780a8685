import { parseOrThrow, type RecordedEvent } from '@hotline/contracts';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { z } from 'zod';
import { messageHeaders } from './bus-record';
import type { EventPublisher } from './event-bus.port';
import { RecordedEventSchema } from './event-bus.schemas';
import { eventSubjectOf, resolveTopology, type JetStreamTopology } from './jetstream-topology';
import { toNatsHeaders } from './nats-headers';

export interface JetStreamEventPublisherOptions {
  /** Owned by the caller: close() leaves it open. */
  connection: NatsConnection;
  topology?: Partial<JetStreamTopology>;
  /** How long to wait for each publish acknowledgement. Default 10 s. */
  ackTimeoutMs?: number;
}

const Events = z.array(RecordedEventSchema);

/**
 * Publishes recorded events to `<prefix>.<district>.<category>.<Type>` with `Nats-Msg-Id` = event id,
 * so a republish after a crash is dropped by the stream. All events of one call are in flight at
 * once; the call resolves when the stream has acknowledged every one of them.
 */
export class JetStreamEventPublisher implements EventPublisher {
  private readonly js: JetStreamClient;
  private readonly topology: JetStreamTopology;
  private readonly ackTimeoutMs: number;

  constructor(options: JetStreamEventPublisherOptions) {
    this.js = jetstream(options.connection);
    this.topology = resolveTopology(options.topology);
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  }

  async publish(events: RecordedEvent[]): Promise<void> {
    parseOrThrow(Events, events, 'events');
    await Promise.all(
      events.map((event) =>
        this.js.publish(eventSubjectOf(this.topology, event), JSON.stringify(event), {
          msgID: event.id,
          headers: toNatsHeaders(messageHeaders(event.metadata)),
          expect: { streamName: this.topology.eventsStream },
          timeout: this.ackTimeoutMs,
        }),
      ),
    );
  }

  async close(): Promise<void> {}
}
