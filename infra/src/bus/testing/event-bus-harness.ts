import type { EventToAppend, MessageMetadata, RecordedEvent } from '@hotline/contracts';
import { randomUUID } from 'node:crypto';
import type { DeadLetter, DeliveryContext, EventBus } from '../event-bus.port';

/** One event to make visible to consumers, and the stream it belongs to. */
export interface EmittedEvent {
  streamId: string;
  event: EventToAppend;
}

/** What an EventBus adapter gives the contract suite; a fresh, isolated one per test. */
export interface EventBusHarness {
  bus: EventBus;
  /**
   * Makes events visible to consumers, in order: appends to the store (store-backed) or publishes
   * through JetStreamEventPublisher (JetStream). An event id emitted again is a duplicate publish.
   */
  emit(events: EmittedEvent[]): Promise<void>;
  /** Puts a payload that is not a recorded event on the log; absent where the log only holds events. */
  emitRaw?(payload: string): Promise<void>;
  deadLetters(consumer: string): Promise<DeadLetter[]>;
  /** Closes the bus and releases (deletes) what the harness created. */
  close(): Promise<void>;
}

const metadata: MessageMetadata = {
  correlationId: 'bus-contract',
  causationId: 'bus-contract',
  actor: { id: 'bus-contract', role: 'system' },
  districtId: 'city',
};

/** An event of `type` on `streamId`; `label` travels in the data so failures read well. */
export const busEvent = (streamId: string, type: string, label: string): EmittedEvent => ({
  streamId,
  event: {
    id: randomUUID(),
    type,
    version: 1,
    data: { label },
    metadata,
    time: '2024-05-06T09:30:00.000+08:00',
  },
});

export interface Delivery {
  label: string;
  type: string;
  streamId: string;
  deliveryCount: number;
}

/** Records deliveries and waits for them, so tests assert on order without sleeping. */
export class DeliveryLog {
  readonly deliveries: Delivery[] = [];

  record(event: RecordedEvent, context: DeliveryContext): void {
    const { label } = event.data as { label: string };
    this.deliveries.push({
      label,
      type: event.type,
      streamId: event.streamId,
      deliveryCount: context.deliveryCount,
    });
  }

  labels(): string[] {
    return this.deliveries.map((d) => d.label);
  }

  /** Resolves once `label` has been delivered `times` times; fails after a generous deadline instead of hanging. */
  async waitFor(label: string, times = 1, deadlineMs = 20_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (this.deliveries.filter((d) => d.label === label).length < times) {
      if (Date.now() > deadline)
        throw new Error(`${label} was not delivered ${times}x; got ${this.labels().join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
