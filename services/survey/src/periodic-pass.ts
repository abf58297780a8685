import type { Logger } from '@hotline/infra/telemetry';

/**
 * A pass run every `periodMs` (the timer does not keep the process alive), never two at once: a
 * tick while one runs answers that one. A failed pass is logged and the next tick tries again;
 * `stop` waits for the pass under way.
 */
export abstract class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  protected constructor(
    private readonly periodMs: number,
    protected readonly logger: Logger,
    private readonly failure: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.periodMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass now (tests call it directly). */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((error: unknown) => this.logger.error({ err: error }, this.failure))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  protected abstract pass(): Promise<void>;
}
