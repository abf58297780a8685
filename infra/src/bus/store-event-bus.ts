import { HotlineError } from '@hotline/contracts';
import type { AllSubscription, EventStore } from '../event-store/event-store.port';
import type { CheckpointStore } from './checkpoint-store.port';
import type { DeadLetterSink } from './dead-letter-sink.port';
import type { ConsumeOptions, EventBus, EventConsumer, EventHandler } from './event-bus.port';
import { resolveConsumeOptions } from './event-bus.schemas';
import { DEFAULT_RETRY_BACKOFF, type RetryBackoff } from './retry-backoff';
import { StoreEventConsumer } from './store-event-consumer';

export interface StoreEventBusOptions {
  /** The log: consumers subscribe to it directly, so the embedded mode needs no relay. */
  store: EventStore;
  checkpoints: CheckpointStore;
  deadLetters: DeadLetterSink;
  /** Delay before delivering an event again after its handler failed. */
  retryBackoff?: RetryBackoff;
}

/**
 * The embedded mode's EventBus: a durable consumer is a store subscription from its checkpoint.
 * The store, checkpoints and sink are the caller's: close() stops the consumers only. `ackWaitMs`
 * has no meaning here (a handler runs in this process; there is nobody to redeliver to).
 */
export class StoreEventBus implements EventBus {
  /** Names of the consumers running (or starting) on this bus. */
  private readonly names = new Set<string>();
  private readonly consumers = new Set<EventConsumer>();

  constructor(private readonly options: StoreEventBusOptions) {}

  async consume(consumeOptions: ConsumeOptions, handler: EventHandler): Promise<EventConsumer> {
    const options = resolveConsumeOptions(consumeOptions);
    const name = options.durableName;
    // One reader per checkpoint: two would each deliver every event and overwrite each other's position.
    if (this.names.has(name)) {
      throw new HotlineError(
        'conflict',
        'CONSUMER_ACTIVE',
        `consumer ${name} is already running on this bus`,
        'durableName',
      );
    }
    this.names.add(name);
    let subscription: AllSubscription;
    try {
      const fromPosition = await this.options.checkpoints.load(name);
      subscription = this.options.store.subscribeToAll({ fromPosition, filter: options.filter });
    } catch (error) {
      this.names.delete(name);
      throw error;
    }
    const consumer: EventConsumer = new StoreEventConsumer({
      subscription,
      checkpoints: this.options.checkpoints,
      deadLetters: this.options.deadLetters,
      backoff: this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF,
      options,
      handler,
      onStopped: () => {
        this.names.delete(name);
        this.consumers.delete(consumer);
      },
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }
}
