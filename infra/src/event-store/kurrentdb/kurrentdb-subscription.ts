import type { AllStreamResolvedEvent, AllStreamSubscription, CaughtUp } from '@kurrent/kurrentdb-client';
import type { AllFilter, AllSubscription, SubscriptionItem } from '../event-store.port';
import { fromResolved, matches } from './kurrentdb-mapping';

/** More than this many undelivered items pause the gRPC stream until the consumer catches up. */
const HIGH_WATER = 1000;

/**
 * Turns the client's stream (events as 'data', the caught-up signal as a separate emitter event)
 * into one ordered iterator. The client emits 'caughtUp' while earlier events may still sit in its
 * readable buffer, so the signal is queued only after that many more events have arrived.
 */
export class KurrentDbSubscription implements AllSubscription {
  private readonly queue: SubscriptionItem[] = [];
  private received = 0;
  private caughtUpAfter: { count: number; position: number } | undefined;
  private caughtUpSent = false;
  private lastPosition: number;
  private failure: Error | undefined;
  /** The server ended the stream: deliver what is queued, then stop. */
  private ended = false;
  /** The consumer closed: stop now. */
  private closed = false;
  private waiting: (() => void) | undefined;

  constructor(
    private readonly source: AllStreamSubscription,
    fromPosition: number,
    private readonly filter: AllFilter | undefined,
  ) {
    this.lastPosition = fromPosition;
    source.on('data', (resolved: AllStreamResolvedEvent) => this.onEvent(resolved));
    source.on('caughtUp', (info: CaughtUp) => this.onCaughtUp(info));
    source.on('error', (error: Error) => {
      this.failure = error;
      this.notify();
    });
    source.on('end', () => {
      this.ended = true;
      this.notify();
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    try {
      while (!this.closed) {
        const item = this.queue.shift();
        if (item !== undefined) {
          if (this.queue.length < HIGH_WATER / 2 && this.source.isPaused()) this.source.resume();
          yield item;
          continue;
        }
        if (this.failure !== undefined) throw this.failure;
        if (this.ended) return;
        await new Promise<void>((resolve) => (this.waiting = resolve));
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify();
    await this.source.unsubscribe();
  }

  private onEvent(resolved: AllStreamResolvedEvent): void {
    this.received += 1;
    const event = fromResolved(resolved);
    // The start position is exclusive; the filter may be only half applied by the server.
    if (event !== undefined && event.position > this.lastPosition && matches(event, this.filter)) {
      this.lastPosition = event.position;
      this.push({ kind: 'event', event });
    }
    this.releaseCaughtUp();
  }

  private onCaughtUp(info: CaughtUp): void {
    if (this.caughtUpSent || this.caughtUpAfter !== undefined) return;
    const position = Math.max(
      this.lastPosition,
      info.position === undefined ? 0 : Number(info.position.commit),
    );
    this.caughtUpAfter = { count: this.received + this.source.readableLength, position };
    this.releaseCaughtUp();
  }

  private releaseCaughtUp(): void {
    const pending = this.caughtUpAfter;
    if (pending === undefined || this.received < pending.count) return;
    this.caughtUpAfter = undefined;
    this.caughtUpSent = true;
    this.push({ kind: 'caughtUp', position: Math.max(pending.position, this.lastPosition) });
  }

  private push(item: SubscriptionItem): void {
    this.queue.push(item);
    if (this.queue.length >= HIGH_WATER) this.source.pause();
    this.notify();
  }

  private notify(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }
}
