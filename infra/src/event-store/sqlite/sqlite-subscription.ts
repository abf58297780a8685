import type { RecordedEvent } from '@hotline/contracts';
import type { AllFilter, SubscriptionItem } from '../event-store.port';
import { PollingSubscription } from '../polling-subscription';

/** What a subscription needs from the store: cheap head reads and bounded pages. */
export interface SubscriptionSource {
  headPosition(): number;
  /** Up to `limit` events with after < position <= upTo matching the filter, in position order. */
  page(after: number, upTo: number, limit: number, filter: AllFilter | undefined): RecordedEvent[];
}

export interface SubscriptionOptions {
  fromPosition: number;
  filter: AllFilter | undefined;
  pageSize: number;
  pollIntervalMs: number;
  /** Called once when the subscription ends, so the store stops waking it. */
  onClose: (subscription: PollingSubscription) => void;
}

/**
 * Catch-up then live, in one loop: read pages up to a head read just before, announce `caughtUp`
 * the first time a page comes back short, then wait for a wake-up (an append in this process) or
 * the poll interval (appends by other processes sharing the file). Pages are read only when the
 * consumer pulls, so a slow consumer holds at most one page in memory. Live, `caughtUp` is announced
 * again when the filter left out events past the last one delivered (see SubscriptionItem).
 */
export class SqliteSubscription extends PollingSubscription {
  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
  ) {
    super(options.onClose);
  }

  protected async *run(): AsyncGenerator<SubscriptionItem> {
    const { filter, pageSize } = this.options;
    let cursor = this.options.fromPosition;
    let caughtUp = false;
    let told = cursor;
    try {
      while (!this.closed) {
        this.looking();
        const head = this.source.headPosition();
        if (head > cursor) {
          const events = this.source.page(cursor, head, pageSize, filter);
          for (const event of events) {
            yield { kind: 'event', event };
            told = event.position;
            if (this.closed) return;
          }
          const last = events[events.length - 1];
          if (events.length === pageSize && last !== undefined) {
            cursor = last.position;
            continue;
          }
          cursor = head;
        }
        if (!caughtUp || cursor > told) {
          caughtUp = true;
          told = cursor;
          yield { kind: 'caughtUp', position: cursor };
        }
        await this.pause(this.options.pollIntervalMs);
      }
    } finally {
      await this.close();
    }
  }
}
