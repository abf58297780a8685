import { HotlineError, type RecordedEvent } from '@hotline/contracts';
import type { AllFilter } from '../event-store/event-store.port';
import type { Logger } from '../telemetry/create-logger';
import type { ProjectionSource, SourceHandle } from './projection.port';

const RESTART_DELAY_MS = 1000;
const POLL_MS = 5;

export interface MemoryFollowerOptions {
  /** Names the structure in logs and in the read-after-write error ("the knowledge index"). */
  name: string;
  source: ProjectionSource;
  filter: AllFilter;
  logger: Logger;
  readAfterWriteTimeoutMs: number;
  /** Applies one event to the structure; applying an event twice must change nothing. */
  apply(event: RecordedEvent): void;
}

/**
 * Keeps an in-memory structure of one process (a search index, a lookup table) from the events:
 * replays them at start, then follows live, restarts the source after a failure from the last
 * applied position, and lets a query wait until a position it wrote has been applied. Unlike a
 * projection it keeps no checkpoint: memory is rebuilt at every start, in every replica.
 */
export class MemoryFollower {
  private handle: SourceHandle | undefined;
  private position = 0;
  private caughtUp = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MemoryFollowerOptions) {}

  /** Whether the replay at start has caught up with the log. */
  get live(): boolean {
    return this.caughtUp;
  }

  start(): void {
    const { source, filter, logger, name } = this.options;
    this.stopped = false;
    this.handle = source.start(
      { fromPosition: this.position === 0 ? undefined : this.position, filter },
      {
        onEvent: (event) => {
          this.options.apply(event);
          this.position = Math.max(this.position, event.position);
          return Promise.resolve();
        },
        onCaughtUp: (position) => {
          this.position = Math.max(this.position, position);
          this.caughtUp = true;
        },
        onError: (error) => {
          logger.error({ err: error }, `${name} source failed; following again shortly`);
          this.restartTimer = setTimeout(() => {
            if (!this.stopped) this.start();
          }, RESTART_DELAY_MS);
        },
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.handle?.stop();
  }

  /** Read-after-write: waits until the event at `position` has been applied. */
  async waitFor(position: number | undefined): Promise<void> {
    if (position === undefined || position === 0) return;
    const deadline = Date.now() + this.options.readAfterWriteTimeoutMs;
    while (this.position < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `${this.options.name} has not reached position ${position} yet; retry shortly`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
