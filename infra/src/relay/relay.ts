import type { RecordedEvent } from '@hotline/contracts';
import type { EventPublisher } from '../bus/event-bus.port';
import type { AllSubscription, EventStore } from '../event-store/event-store.port';

export interface RelayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RelayMetrics {
  published(count: number, position: number): void;
  failed(): void;
}

export interface RelayOptions {
  store: EventStore;
  publisher: EventPublisher;
  /**
   * The position of the last event already published (from JetStream itself, see
   * `lastPublishedPosition`); the relay resumes strictly after it. The stream is the checkpoint, so
   * nothing can be acknowledged by the relay without being in JetStream.
   */
  resumePosition: () => Promise<number | undefined>;
  /** Events per publish call; acks of one batch are awaited together. Default 256. */
  batchSize?: number;
  /** Delay before retrying a failed publish; doubles up to `maxRetryDelayMs`. Default 100 ms. */
  retryDelayMs?: number;
  /** Longest delay between retries. Default 1 s: the backlog leaves within about a second of the bus's return. */
  maxRetryDelayMs?: number;
  /**
   * Subscribes to the bus connection coming back (NatsLink.onReconnect): a sleeping retry starts at
   * once, and a publish still waiting for its acknowledgements is sent again (the acks of messages
   * the dead server took will never come; `Nats-Msg-Id` drops any repeat).
   */
  onReconnect?: (listener: () => void) => () => void;
  logger?: RelayLogger;
  metrics?: RelayMetrics;
}

/**
 * Publishes every event of the store, in position order, to the bus. The store is the outbox: nothing
 * is published beside an append, and after a crash the relay starts again from the last event the bus
 * holds. Events in flight during a crash are published again; `Nats-Msg-Id` = event id makes the bus
 * drop those repeats.
 */
export class Relay {
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stopping = false;
  private lastPublished = 0;
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  /** Resolvers of whatever is waiting for the next reconnect. */
  private reconnectWaiters: Array<() => void> = [];
  private unsubscribeReconnect: (() => void) | undefined;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 256;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 1_000;
  }

  /** Position of the last event the bus acknowledged. */
  get position(): number {
    return this.lastPublished;
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error('relay already started');
    const from = await this.options.resumePosition();
    this.lastPublished = from ?? 0;
    this.options.logger?.info({ fromPosition: this.lastPublished }, 'relay starting');
    this.unsubscribeReconnect = this.options.onReconnect?.(() => {
      const waiters = this.reconnectWaiters;
      this.reconnectWaiters = [];
      for (const wake of waiters) wake();
    });
    this.subscription = this.options.store.subscribeToAll(from === undefined ? {} : { fromPosition: from });
    this.loop = this.run(this.subscription);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribeReconnect?.();
    await this.subscription?.close();
    await this.loop;
    await this.flushing;
  }

  private async run(subscription: AllSubscription): Promise<void> {
    let live = false;
    try {
      for await (const item of subscription) {
        if (item.kind === 'caughtUp') {
          live = true;
          await this.flush();
          continue;
        }
        this.buffer.push(item.event);
        if (this.buffer.length >= this.batchSize) await this.flush();
        else if (live) this.scheduleFlush();
      }
    } catch (error) {
      this.options.logger?.error({ err: error }, 'relay subscription failed');
      throw error;
    }
    await this.flush();
  }

  /** Live events that arrive together (one group commit) leave in one batch. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.publishBuffered());
    return this.flushing;
  }

  private async publishBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.batchSize);
      await this.publishWithRetry(batch);
      this.buffer = this.buffer.slice(batch.length);
      const last = batch[batch.length - 1] as RecordedEvent;
      this.lastPublished = last.position;
      this.options.metrics?.published(batch.length, last.position);
    }
  }

  private async publishWithRetry(batch: RecordedEvent[]): Promise<void> {
    let delay = this.retryDelayMs;
    for (;;) {
      const reconnected = this.nextReconnect();
      try {
        const published = this.options.publisher.publish(batch);
        const outcome = await Promise.race([published.then(() => 'published' as const), reconnected.promise]);
        if (outcome === 'published') return;
        // The bus came back while this publish waited for acks that may never come: send it again.
        published.catch(() => undefined);
        delay = this.retryDelayMs;
        this.options.logger?.info(
          { fromPosition: batch[0]?.position, count: batch.length },
          'relay: the bus is back; publishing the same batch again',
        );
        continue;
      } catch (error) {
        this.options.metrics?.failed();
        this.options.logger?.warn(
          { err: error, fromPosition: batch[0]?.position, count: batch.length, retryInMs: delay },
          'relay publish failed; retrying the same batch',
        );
        // Never skip an event: keep retrying until the bus takes it or the relay is stopped.
        if (this.stopping) throw error;
        await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), reconnected.promise]);
        delay = Math.min(delay * 2, this.maxRetryDelayMs);
      } finally {
        reconnected.cancel();
      }
    }
  }

  /** A promise of the next reconnect ('reconnected'); never settles without `onReconnect`. */
  private nextReconnect(): { promise: Promise<'reconnected'>; cancel(): void } {
    let wake!: () => void;
    const promise = new Promise<'reconnected'>((resolve) => (wake = () => resolve('reconnected')));
    this.reconnectWaiters.push(wake);
    return {
      promise,
      cancel: () => (this.reconnectWaiters = this.reconnectWaiters.filter((w) => w !== wake)),
    };
  }
}
