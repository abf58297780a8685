import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../telemetry';
import { HealthController } from './health.controller';
import { HEALTH_LOGGER, METRICS_REGISTRY } from './health.tokens';
import { HttpTracingMiddleware } from './http-tracing.middleware';
import { ReadinessRegistry, type ReadinessCheck } from './readiness.registry';

export interface HealthModuleOptions {
  /** Readiness checks known at boot; components may add more later through ReadinessRegistry. */
  checks?: ReadinessCheck[];
  /** What `/metrics` exposes: the service's `createMetrics(...)` registry. */
  metrics?: Registry;
  /** Pass one to share it with code created outside Nest (the runner, the shutdown helper). */
  readiness?: ReadinessRegistry;
  /** Logs one line per request (with its trace id). */
  logger?: Logger;
}

/**
 * Health probes, Prometheus metrics and request tracing for a Nest service. Import it once in the
 * root module: `HealthModule.register({ checks, metrics, logger })`. It also applies
 * HttpTracingMiddleware to every route of the app.
 */
@Module({})
export class HealthModule implements NestModule {
  static register(options: HealthModuleOptions = {}): DynamicModule {
    const readiness = options.readiness ?? new ReadinessRegistry();
    for (const check of options.checks ?? []) readiness.register(check);
    return {
      module: HealthModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: ReadinessRegistry, useValue: readiness },
        { provide: METRICS_REGISTRY, useValue: options.metrics ?? defaultRegistry() },
        { provide: HEALTH_LOGGER, useValue: options.logger },
        HttpTracingMiddleware,
      ],
      exports: [ReadinessRegistry, METRICS_REGISTRY],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracingMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

const defaultRegistry = (): Registry => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
};
