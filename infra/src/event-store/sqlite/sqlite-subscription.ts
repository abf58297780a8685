import type { RecordedEvent } from '@hotline/contracts';
import type { AllFilter, SubscriptionItem } from '../event-store.port';
import { PollingSubscription } from '../polling-subscription';
import { matchesFilter, recordedFrom, type CommittedBatch } from './committed-batch';

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

/** Commits held for a slow reader, in events; past it they are dropped and the reader queries instead. */
const MAX_HELD_EVENTS = 10_000;

/**
 * Catch-up then live, in one loop: read pages up to a head read just before, announce `caughtUp`
 * the first time a page comes back short, then wait for a wake-up (an append in this process) or
 * the poll interval (appends by other processes sharing the file). Pages are read only when the
 * consumer pulls, so a slow consumer holds at most one page in memory. Live, `caughtUp` is announced
 * again when the filter left out events past the last one delivered (see SubscriptionItem).
 *
 * Live, this process's own commits are handed over by the store (`offer`): a subscription standing
 * where a commit begins takes its events from memory instead of querying the file, so a commit costs
 * each live subscription a filter test per event, not two statements. A commit that does not begin
 * where the subscription stands (another process wrote between, or it is still catching up) is left
 * to the page read, which covers it.
 */
export class SqliteSubscription extends PollingSubscription {
  private held: CommittedBatch[] = [];
  private heldEvents = 0;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
  ) {
    super(options.onClose);
  }

  /** A commit of this process: kept for the loop's next look, which takes it if it begins at the cursor. */
  offer(batch: CommittedBatch): void {
    if (this.heldEvents + batch.events.length > MAX_HELD_EVENTS) {
      this.held = [];
      this.heldEvents = 0;
    } else {
      this.held.push(batch);
      this.heldEvents += batch.events.length;
    }
    this.wake();
  }

  /** The held commit that begins at `cursor`, dropping those the cursor has passed; none on a gap. */
  private heldAt(cursor: number): CommittedBatch | undefined {
    while (this.held.length > 0) {
      const batch = this.held[0] as CommittedBatch;
      if (batch.upTo > cursor && batch.after === cursor) {
        this.held.shift();
        this.heldEvents -= batch.events.length;
        return batch;
      }
      if (batch.upTo > cursor) return undefined;
      this.held.shift();
      this.heldEvents -= batch.events.length;
    }
    return undefined;
  }

  protected async *run(): AsyncGenerator<SubscriptionItem> {
    const { filter, pageSize } = this.options;
    let cursor = this.options.fromPosition;
    let caughtUp = false;
    let told = cursor;
    try {
      while (!this.closed) {
        this.looking();
        const batch = caughtUp ? this.heldAt(cursor) : undefined;
        if (batch !== undefined) {
          for (const committed of batch.events) {
            if (!matchesFilter(committed, filter)) continue;
            yield { kind: 'event', event: recordedFrom(committed) };
            told = committed.position;
            if (this.closed) return;
          }
          cursor = batch.upTo;
        } else {
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
        }
        if (!caughtUp || cursor > told) {
          caughtUp = true;
          told = cursor;
          yield { kind: 'caughtUp', position: cursor };
        }
        // More of this process's commits held: take them before waiting.
        if (this.held.length > 0) continue;
        await this.pause(this.options.pollIntervalMs);
      }
    } finally {
      await this.close();
    }
  }
}
