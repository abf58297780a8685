import { HotlineError } from '@hotline/contracts';

/** How many commands a service runs at once, and how many may wait for a turn. */
export interface CommandAdmissionLimits {
  concurrent: number;
  queued: number;
}

/** What an overloaded service tells its caller to wait before retrying (HTTP `Retry-After`). */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

export const overloaded = (subject: string, reason: string): HotlineError =>
  new HotlineError('unavailable', 'OVERLOADED', `${subject}: ${reason}; retry later`, undefined, {
    subject,
    retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS,
  });

interface Waiting {
  subject: string;
  /** When the caller's own timeout ran out (performance.now()); a turn after it is refused. */
  givenUpAt: number;
  go: () => void;
  refuse: (error: HotlineError) => void;
}

/**
 * Lets a service run a bounded number of commands at once; a few more wait for a turn, first come
 * first served, and the rest are refused at once (OVERLOADED, retry after a second). Past its
 * sustainable rate a service thus answers every caller quickly, and never applies a command whose
 * caller has stopped waiting: a turn that comes after the caller's timeout is refused, not run.
 */
export class CommandAdmission {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly limits: CommandAdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `work` in a turn; `timeoutMs` is how long its caller waits for the answer. */
  async run<T>(subject: string, timeoutMs: number | undefined, work: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrent) {
      this.running++;
    } else if (this.waiting.length < this.limits.queued) {
      // The turn is handed over with the slot already counted, so a newcomer cannot take it first.
      await new Promise<void>((go, refuse) =>
        this.waiting.push({
          subject,
          givenUpAt: timeoutMs === undefined ? Infinity : this.now() + timeoutMs,
          go,
          refuse,
        }),
      );
    } else {
      throw overloaded(subject, 'the service is at capacity');
    }
    try {
      return await work();
    } finally {
      this.running--;
      this.handOver();
    }
  }

  private handOver(): void {
    while (this.running < this.limits.concurrent) {
      const next = this.waiting.shift();
      if (!next) return;
      if (this.now() >= next.givenUpAt) {
        next.refuse(overloaded(next.subject, 'the command waited longer than its caller; not applied'));
        continue;
      }
      this.running++;
      next.go();
    }
  }
}
