import { systemActor, type Clock } from '@hotline/contracts';
import type { RouterCommandHandler } from './router-command.handler';
import { nextDueAt } from './router-timers';

/** Longest sleep between checks, so that a change made by another instance is never missed for long. */
const MAX_SLEEP_MS = 1_000;

/**
 * Sends RunRouterTimers when something falls due (an offer expiring, after-contact work ending, a
 * maximum wait, a tier widening). The command id is the due instant, so when every instance sends
 * it the store keeps one decision and the others get its result.
 */
export class RouterTimersRunner {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly router: RouterCommandHandler,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.clock.now().getTime();
    const due = nextDueAt(this.router.folded, now);
    const sleep = Math.max(0, Math.min(MAX_SLEEP_MS, (due ?? Infinity) - now));
    this.timer = setTimeout(
      () => void this.tick(due !== undefined && due - now <= MAX_SLEEP_MS ? due : undefined),
      sleep,
    );
    this.timer.unref();
  }

  private async tick(due: number | undefined): Promise<void> {
    try {
      if (due === undefined) await this.router.current();
      else {
        const commandId = `router-timers-${this.router.streamId}-${due}`;
        await this.router.handle({
          commandId,
          type: 'RunRouterTimers',
          data: {},
          metadata: {
            correlationId: commandId,
            actor: systemActor('router-timers'),
            districtId: this.router.districtId,
          },
        });
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.schedule();
    }
  }
}
