import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { chinaWorkingCalendar } from '@hotline/contracts';
import { busEndpoints } from '@hotline/infra/bus';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { DeadlineBook } from './deadlines/deadline-book';
import { DeadlineScheduler } from './deadlines/deadline-scheduler';
import { deadlineEndpoints } from './deadlines/deadline.endpoints';
import { escalationConfigSchema, type EscalationConfig } from './escalation.config';
import { supervisionEndpoints } from './supervision/supervision.endpoints';

export interface EscalationModuleOptions {
  config?: EscalationConfig;
  env?: Env;
}

const SCHEDULER = Symbol('escalation.scheduler');

/** Starts the timers once the app is up and stops them before the platform closes. */
class EscalationLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(SCHEDULER) private readonly scheduler: DeadlineScheduler) {}
  onApplicationBootstrap(): void {
    this.scheduler.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}

/** Escalation: deadline timers on the working calendar, reminders (催办) and supervision (督办). */
@Module({})
export class EscalationModule {
  static register(platform: Platform, options: EscalationModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(escalationConfigSchema, options.env, 'escalation');
    const { eventStore: store, clock, logger, metrics } = platform;
    const handler = { store, clock, logger, metrics: commandMetrics(metrics) };
    const dueSoonWithin = config.ESCALATION_DUE_SOON_HALF_DAYS / 2;
    const book = new DeadlineBook({
      calendar: chinaWorkingCalendar(),
      dueSoonWithin,
      firstContactWithin: config.ESCALATION_FIRST_CONTACT_HALF_DAYS / 2,
    });
    const scheduler = new DeadlineScheduler({
      book,
      source: platform.projectionSource(),
      handler,
      clock,
      tickMs: config.ESCALATION_TICK_MS,
      concurrency: config.ESCALATION_FIRE_CONCURRENCY,
      timers: config.ESCALATION_TIMERS,
      logger,
      registry: metrics,
    });
    platform.readiness.register({
      name: 'deadline-book',
      check: () => {
        if (!scheduler.ready) throw new Error('the deadline book is still folding the event log');
        return Promise.resolve();
      },
    });
    return {
      module: EscalationModule,
      controllers: [
        busEndpoints('Escalation', [
          ...deadlineEndpoints({ handler, book, clock, dueSoonWithin }),
          ...supervisionEndpoints(handler),
        ]),
      ],
      providers: [{ provide: SCHEDULER, useValue: scheduler }, EscalationLifecycle],
    };
  }
}

/** The escalation service with these options (tests). */
export const createEscalationService = (options: EscalationModuleOptions = {}): ServiceDefinition => ({
  name: 'escalation',
  module: (platform) => EscalationModule.register(platform, options),
});

/** The escalation service as the embedded runner and its own process mount it: settings from the environment. */
export const escalationService: ServiceDefinition = createEscalationService();
