import type { AllSubscription, SubscriptionItem } from './event-store.port';

/**
 * What the store subscriptions share: an async iteration produced by `run()`, a `wake()` for
 * appends made through the same store, a `pause()` that such a wake (or close) cuts short, and a
 * `close()` that ends the iteration at its next step.
 */
export abstract class PollingSubscription implements AllSubscription {
  protected closed = false;
  private dirty = false;
  private wakeUp: (() => void) | undefined;
  private readonly items: AsyncGenerator<SubscriptionItem>;

  /** `onClose` is called once when the subscription ends, so the store stops waking it. */
  constructor(private readonly onClose: (subscription: PollingSubscription) => void) {
    // Creating the generator runs none of its body: subclass fields are set before the first pull.
    this.items = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    return this.items;
  }

  /** Something was appended: look again now instead of at the next poll. */
  wake(): void {
    this.dirty = true;
    this.wakeUp?.();
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.wakeUp?.();
      this.onClose(this);
    }
    return Promise.resolve();
  }

  protected abstract run(): AsyncGenerator<SubscriptionItem>;

  /** Marks the start of a look at the store: wakes from here on make the next pause return at once. */
  protected looking(): void {
    this.dirty = false;
  }

  /** Resolves after `ms`, or at once when woken since `looking()` or closed. */
  protected pause(ms: number): Promise<void> {
    if (this.dirty || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }
}
