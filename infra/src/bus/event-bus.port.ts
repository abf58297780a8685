import type { RecordedEvent } from '@hotline/contracts';
import type { AllFilter } from '../event-store/event-store.port';

export interface ConsumeOptions {
  /** Durable name: delivery state survives restarts (JetStream) and names the dead-letter subject. */
  durableName: string;
  filter?: AllFilter;
  /** Deliveries of one event before it goes to the dead-letter subject. Default 5. */
  maxDeliveries?: number;
  /**
   * How long a delivery may stay unacknowledged before it is redelivered. Default 30 s. JetStream only:
   * the store-backed bus runs the handler in-process, so there is nobody to redeliver to.
   */
  ackWaitMs?: number;
  /**
   * Checks an event before the handler sees it; a throw sends the event straight to the dead-letter
   * subject with the error's message as the reason (a malformed message is never retried forever).
   */
  validate?: (event: RecordedEvent) => void;
}

export interface DeliveryContext {
  /** 1 on first delivery. */
  deliveryCount: number;
}

/** Resolves to acknowledge; a throw asks for redelivery (until maxDeliveries, then dead letter). */
export type EventHandler = (event: RecordedEvent, context: DeliveryContext) => Promise<void>;

export interface EventConsumer {
  /** Stops fetching, waits for the in-flight handler to settle (drain), then returns. */
  stop(): Promise<void>;
}

/**
 * Durable, at-least-once event delivery to consumers (projections, process managers, integrators).
 * Per consumer, events arrive in store position order; a handler failure redelivers that event
 * before any later one.
 *
 * Adapters: JetStream (distributed; events arrive through the relay) and the store-backed in-process
 * adapter (embedded; the store itself is the log).
 */
export interface EventBus {
  consume(options: ConsumeOptions, handler: EventHandler): Promise<EventConsumer>;
  close(): Promise<void>;
}

/** What the relay writes to: JetStream with `Nats-Msg-Id` = event id, so a republish is dropped. */
export interface EventPublisher {
  publish(events: RecordedEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** A message a consumer could not process, kept with the reason. */
export interface DeadLetter {
  consumer: string;
  reason: string;
  deliveryCount: number;
  event: RecordedEvent | null;
  /** The raw payload when it could not even be decoded as an event. */
  raw?: string;
}
