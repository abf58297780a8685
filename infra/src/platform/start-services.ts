import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AnyContextErrorFilter } from './any-context-error.filter';
import { HealthModule } from '../health/health.module';
import { onShutdown, type ShutdownStep } from '../health/graceful-shutdown';
import type { Platform } from './platform';
import { platformModule, type ServiceDefinition } from './service-module';

/**
 * The largest JSON body a route takes (Express's default is 100 KB): the biggest command is a part
 * of a sampling frame file, at most 512 KiB of CSV (the console cuts parts by UTF-8 bytes), and a
 * command must still fit the bus's 1 MB message. Files go through the uploads.
 */
const JSON_BODY_LIMIT = '1mb';

export interface RunningServices {
  app: INestApplication;
  url: string;
  /** Stops HTTP, the bus transport, consumers and projections, then the platform. */
  close(): Promise<void>;
}

/**
 * Mounts services on one Nest application: HTTP (health, metrics, routes) plus the bus transport of
 * their `@MessagePattern` handlers. Used by the embedded runner (all services) and by each
 * distributed service (its own).
 */
export async function startServices(
  platform: Platform,
  services: ServiceDefinition[],
  options: { port: number; host: string; handleSignals?: boolean; extraShutdownSteps?: ShutdownStep[] },
): Promise<RunningServices> {
  @Module({
    imports: [
      platformModule(platform),
      HealthModule.register({
        readiness: platform.readiness,
        metrics: platform.metrics,
        logger: platform.logger,
      }),
      ...services.map((service) => service.module(platform)),
    ],
  })
  class RootModule {}

  const app = await NestFactory.create<NestExpressApplication>(RootModule, {
    logger: ['error', 'warn'],
    bufferLogs: false,
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalFilters(new AnyContextErrorFilter(platform.logger));
  app.connectMicroservice({ strategy: platform.transport(platform.serviceName) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      platform.readiness.markDraining();
      await app.close();
      for (const step of options.extraShutdownSteps ?? []) await step.run();
      await platform.close();
    })();
    return closed;
  };
  if (options.handleSignals !== false) {
    onShutdown(
      app,
      [...(options.extraShutdownSteps ?? []), { name: 'platform', run: () => platform.close() }],
      {
        delayMs: platform.config.HOTLINE_SHUTDOWN_DELAY_MS,
        timeoutMs: platform.config.HOTLINE_SHUTDOWN_TIMEOUT_MS,
        logger: platform.logger,
      },
    );
  }
  return { app, url, close };
}
