import type { RecordedEvent } from '@hotline/contracts';
import { isConnectionFailure } from '../../postgres/postgres-errors';
import type { AllFilter, SubscriptionItem } from '../event-store.port';
import { PollingSubscription } from '../polling-subscription';

/** Where the store stands: the newest committed position and the horizon below which all is final. */
export interface StoreProbe {
  head: number;
  horizon: number;
}

export interface SubscriptionSource {
  probe(): Promise<StoreProbe>;
  /** Up to `limit` events with after < position < before matching the filter, in position order. */
  page(after: number, before: number, limit: number, filter: AllFilter | undefined): Promise<RecordedEvent[]>;
}

export interface SubscriptionOptions {
  fromPosition: number;
  filter: AllFilter | undefined;
  pageSize: number;
  pollIntervalMs: number;
  /** Called once when the subscription ends, so the store stops waking it. */
  onClose: (subscription: PollingSubscription) => void;
}

/** Waits between attempts while the database cannot be reached (a failover takes seconds). */
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000];

/**
 * Catch-up then live. Each round probes the store, then reads pages strictly below the horizon
 * (the snapshot's xmin as a position): every transaction below it has ended, so nothing can still
 * commit there and the cursor never passes an event a slower transaction is about to commit. An
 * event committed above the horizon waits for the older transactions in flight to end.
 * `caughtUp` comes once the horizon has passed the newest event committed when the subscription
 * started. Lost connections are retried with backoff: a failover pauses a subscription, never ends it.
 */
export class PostgresSubscription extends PollingSubscription {
  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
  ) {
    super(options.onClose);
  }

  protected async *run(): AsyncGenerator<SubscriptionItem> {
    const { filter, pageSize } = this.options;
    let cursor = this.options.fromPosition;
    let target: number | undefined;
    let caughtUp = false;
    let told = cursor;
    let failures = 0;
    try {
      while (!this.closed) {
        this.looking();
        try {
          const { head, horizon } = await this.source.probe();
          target ??= head;
          for (;;) {
            const events = await this.source.page(cursor, horizon, pageSize, filter);
            for (const event of events) {
              yield { kind: 'event', event };
              cursor = event.position;
              told = cursor;
              if (this.closed) return;
            }
            if (events.length < pageSize) break;
          }
          cursor = Math.max(cursor, horizon - 1);
          failures = 0;
          // Live, announced again when the filter left out events past the last one delivered.
          if ((!caughtUp && horizon > target) || (caughtUp && cursor > told)) {
            caughtUp = true;
            told = cursor;
            yield { kind: 'caughtUp', position: cursor };
          }
        } catch (error) {
          if (!isConnectionFailure(error) || this.closed) throw error;
          await this.pause(RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)] as number);
          continue;
        }
        await this.pause(this.options.pollIntervalMs);
      }
    } finally {
      await this.close();
    }
  }
}
