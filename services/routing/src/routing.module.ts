import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ForecastStaffing,
  GetAgentSession,
  GetAgentStatistics,
  GetContactPlace,
  GetQueueBoard,
  GetQueueStatistics,
  GetRoutingSettings,
  GetSkillCatalogue,
  platformRegistry,
  routingCommands,
  skillCatalogueCommands,
  type RouterEvent,
} from '@hotline/contracts';
import { busEndpoints, commandEndpoint, queryEndpoint } from '@hotline/infra/bus';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { RouterCommandHandler } from './router/router-command.handler';
import { RouterQueries } from './router/router-queries';
import { RouterTimersRunner } from './router/router-timers.runner';
import { routingConfigSchema, type RoutingConfig } from './routing.config';
import { foldsSnapshot } from './snapshot/folds-snapshot';
import { ReadStoreSnapshots } from './snapshot/read-store-snapshots';
import { AgentStatistics } from './statistics/agent-statistics';
import { QueueStatistics } from './statistics/queue-statistics';
import { SkillCatalogueService } from './skills/skill-catalogue.service';

export interface RoutingModuleOptions {
  config?: RoutingConfig;
  env?: Env;
}

const ROUTER_TIMERS = Symbol('routing.timers');
/**
 * At most one snapshot every 5 s per instance (each serializes the state and the newest 10,000
 * command results, tens of milliseconds of CPU): a start then folds at most 5 s of events more.
 */
const SNAPSHOT_MIN_SPACING_MS = 5_000;

/** Starts the timers once the app is up and stops them before the platform closes. */
class RoutingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ROUTER_TIMERS) private readonly timers: RouterTimersRunner | undefined) {}
  onApplicationBootstrap(): void {
    this.timers?.start();
  }
  onApplicationShutdown(): void {
    this.timers?.stop();
  }
}

/** Routing (ACD): the district's router on the bus, its timers, its statistics and staffing queries. */
@Module({})
export class RoutingModule {
  static register(platform: Platform, options: RoutingModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(routingConfigSchema, options.env, 'routing');
    const { eventStore: store, clock, logger } = platform;
    const folds = {
      queues: new QueueStatistics(30),
      queues15: new QueueStatistics(15),
      agents: new AgentStatistics(30),
      agents15: new AgentStatistics(15),
    };
    const router = new RouterCommandHandler({
      store,
      clock,
      registry: platformRegistry(),
      districtId: config.ROUTING_DISTRICT,
      onEvent: (recorded) => {
        const event = { type: recorded.type, data: recorded.data } as RouterEvent;
        for (const fold of Object.values(folds)) fold.apply(event);
      },
      ...(config.ROUTING_SNAPSHOT_EVERY_EVENTS > 0
        ? {
            snapshots: {
              store: new ReadStoreSnapshots(platform.readStore),
              everyEvents: config.ROUTING_SNAPSHOT_EVERY_EVENTS,
              everyMs: config.ROUTING_SNAPSHOT_EVERY_MINUTES * 60_000,
              minSpacingMs: SNAPSHOT_MIN_SPACING_MS,
              parts: foldsSnapshot(folds),
              onError: (error: unknown) => logger.warn({ err: error }, 'router snapshot failed'),
            },
          }
        : {}),
    });
    const queries = new RouterQueries(router, folds.queues, folds.queues15, folds.agents, folds.agents15, {
      now: () => clock.now(),
      defaultHandleSeconds: config.ROUTING_DEFAULT_HANDLE_SECONDS,
      patienceSeconds: config.ROUTING_PATIENCE_SECONDS,
    });
    const skills = new SkillCatalogueService({
      store,
      clock,
      logger,
      metrics: commandMetrics(platform.metrics),
      districtId: config.ROUTING_DISTRICT,
      router,
    });
    const timers = config.ROUTING_TIMERS
      ? new RouterTimersRunner(router, clock, (error) => logger.error({ err: error }, 'router timers failed'))
      : undefined;
    platform.readiness.register({
      name: 'router',
      check: async () => void (await router.current()),
      timeoutMs: 30_000,
    });
    return {
      module: RoutingModule,
      controllers: [
        busEndpoints('Routing', [
          ...routingCommands.map((definition) =>
            commandEndpoint(definition, (command) => router.handle(command)),
          ),
          queryEndpoint(GetQueueBoard, () => queries.queueBoard()),
          queryEndpoint(GetAgentSession, (query) => queries.agentSession(query.agentId)),
          queryEndpoint(GetRoutingSettings, () => queries.routingSettings()),
          ...skillCatalogueCommands.map((definition) =>
            commandEndpoint(definition, (command) => skills.execute(command)),
          ),
          queryEndpoint(GetSkillCatalogue, () => skills.catalogue()),
          queryEndpoint(GetContactPlace, (query) => queries.contactPlace(query.contactId)),
          queryEndpoint(GetQueueStatistics, (query) => Promise.resolve(queries.queueStatistics(query))),
          queryEndpoint(GetAgentStatistics, (query) => Promise.resolve(queries.agentStatistics(query))),
          queryEndpoint(ForecastStaffing, (query) => Promise.resolve(queries.forecastStaffing(query))),
        ]),
      ],
      providers: [{ provide: ROUTER_TIMERS, useValue: timers }, RoutingLifecycle],
    };
  }
}

/** The routing service with these options (tests). */
export const createRoutingService = (options: RoutingModuleOptions = {}): ServiceDefinition => ({
  name: 'routing',
  module: (platform) => RoutingModule.register(platform, options),
});

/** The routing service as the embedded runner and its own process mount it: settings from the environment. */
export const routingService: ServiceDefinition = createRoutingService();
