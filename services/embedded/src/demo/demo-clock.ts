import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@hotline/contracts';
import { systemClock } from '@hotline/infra/platform';

/**
 * The embedded process's clock when the demo city is seeded: the system time, except inside
 * `at(time, …)`, where every command the demo sends (and every command those commands cause on the
 * in-process bus) is decided at `time`. Only the seeder enters such a scope, so the demo's history
 * spreads over past weeks while a person's requests, and every query, see the real time.
 */
export class DemoClock implements Clock {
  private readonly scope = new AsyncLocalStorage<Date>();

  now(): Date {
    const at = this.scope.getStore();
    return at ? new Date(at.getTime()) : systemClock.now();
  }

  at<T>(time: Date, work: () => Promise<T>): Promise<T> {
    return this.scope.run(time, work);
  }
}
