import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  chinaWorkingCalendar,
  GetSupervisionLedger,
  ListEmergencyReports,
  ListReminders,
  ReminderChannel,
} from '@hotline/contracts';
import { BusRequests, busEndpoints, queryEndpoint } from '@hotline/infra/bus';
import { reactorProvider } from '@hotline/infra/reactor';
import { ProjectionRunner, storeSource, upcastingSource } from '@hotline/infra/projection';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { DeadlineBook } from './deadlines/deadline-book';
import { DeadlineScheduler } from './deadlines/deadline-scheduler';
import { deadlineEndpoints } from './deadlines/deadline.endpoints';
import { escalationConfigSchema, type EscalationConfig } from './escalation.config';
import { supervisionEndpoints } from './supervision/supervision.endpoints';
import { supervisionsProjection } from './supervision/supervisions.projection';
import { escalationReactions } from './reactions/escalation-reactor';
import { listReminders, supervisionLedger } from './read-models/escalation-queries';
import type { NotificationSender } from './reminders/notification-sender';
import { staffNotificationSender } from './reminders/staff-notification-sender';
import { reminderDelivery } from './reminders/reminder-delivery';
import { ReminderCommands, reminderEndpoints } from './reminders/reminder.endpoints';
import { remindersProjection } from './reminders/reminders.projection';
import { emergencyReportsProjection } from './emergency/emergency-reports.projection';
import { listEmergencyReports } from './emergency/emergency-reports.query';

export interface EscalationModuleOptions {
  config?: EscalationConfig;
  env?: Env;
  /** Default: SMS and mail through intake's SendStaffNotice; voice calls as requests for the telephony. */
  sender?: NotificationSender;
  /** First retry of a failed channel after this long, doubling. Default 2 s. */
  retryBaseMs?: number;
}

const SCHEDULER = Symbol('escalation.scheduler');
const RUNNERS = Symbol('escalation.read-models');

/** Starts the timers once the app is up and stops them before the platform closes. */
class EscalationLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SCHEDULER) private readonly scheduler: DeadlineScheduler,
    @Inject(RUNNERS) private readonly runners: ProjectionRunner[],
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) await runner.start();
    await this.scheduler.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    for (const runner of this.runners) await runner.stop();
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
      // The store itself, in both modes: the book is as fresh as the log, with no relay in between.
      source: upcastingSource(storeSource(store), platform.registry),
      handler,
      clock,
      tickMs: config.ESCALATION_TICK_MS,
      concurrency: config.ESCALATION_FIRE_CONCURRENCY,
      timers: config.ESCALATION_TIMERS,
      logger,
      registry: metrics,
      readStore: platform.readStore,
    });
    const runners = [remindersProjection(), supervisionsProjection(), emergencyReportsProjection()].map(
      (projection) =>
        new ProjectionRunner(projection, {
          store: platform.readStore,
          source: platform.projectionSource(),
          registry: metrics,
          logger,
        }),
    );
    const channels = config.ESCALATION_REMINDER_CHANNELS.split(',').map((c) => ReminderChannel.parse(c));
    const reminders = new ReminderCommands(handler, channels, config.ESCALATION_DELIVERY_ATTEMPTS);
    const delivery = reminderDelivery({
      commands: reminders,
      sender: options.sender ?? staffNotificationSender(new BusRequests(platform.client())),
      clock,
      maxAttempts: config.ESCALATION_DELIVERY_ATTEMPTS,
      retryBaseMs: options.retryBaseMs ?? 2_000,
    });
    const reactions = escalationReactions({
      handler,
      reminders,
      clock,
      calendar: () => book.currentCalendar(),
      reminderPoints: new Set(config.ESCALATION_REMINDER_POINTS.split(',')),
      autoSupervision: config.ESCALATION_AUTO_SUPERVISION,
      rectifyHalfDays: config.ESCALATION_RECTIFY_HALF_DAYS,
      emergencyReportCategories: config.ESCALATION_EMERGENCY_REPORT_CATEGORIES.split(',').filter(Boolean),
    });
    const { readStore } = platform;
    platform.readiness.register({
      name: 'escalation-read-models',
      check: () => {
        const behind = runners.map((r) => r.status()).filter((s) => s.state !== 'live');
        if (behind.length > 0) throw new Error(`${behind.map((s) => s.name).join(', ')} catching up`);
        return Promise.resolve();
      },
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
          ...reminderEndpoints(reminders),
          queryEndpoint(ListReminders, (query) => listReminders(readStore, query)),
          queryEndpoint(GetSupervisionLedger, (query) => supervisionLedger(readStore, query)),
          queryEndpoint(ListEmergencyReports, (query) => listEmergencyReports(readStore, query)),
        ]),
      ],
      providers: [
        { provide: SCHEDULER, useValue: scheduler },
        { provide: RUNNERS, useValue: runners },
        EscalationLifecycle,
        reactorProvider(platform.eventBus, delivery, logger),
        reactorProvider(platform.eventBus, reactions, logger),
      ],
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
