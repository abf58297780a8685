import { z } from 'zod';
import { describeConfig, loadConfig } from '../config/load-config';
import { Platform } from './platform';
import { platformConfigSchema } from './platform-config.schema';
import type { ServiceDefinition } from './service-module';
import { startServices, type RunningServices } from './start-services';

/** A service started on its own runs distributed unless told otherwise. */
const distributedConfigSchema = platformConfigSchema.extend({
  HOTLINE_MODE: z
    .enum(['embedded', 'distributed'])
    .default('distributed')
    .describe('A service process started on its own defaults to distributed'),
});

/**
 * The main of a service running as its own process (distributed mode): validated config, the
 * platform on NATS and the configured stores, HTTP for health/metrics/routes, the NATS transport
 * for its handlers, graceful shutdown on SIGTERM.
 */
export async function runService(service: ServiceDefinition): Promise<RunningServices> {
  const config = loadConfig(distributedConfigSchema, undefined, service.name);
  const platform = await Platform.open(service.name, config);
  platform.logger.info({ config: describeConfig(config) }, `${service.name} configuration`);
  const running = await startServices(platform, [service], {
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
  });
  platform.logger.info({ url: running.url, mode: config.HOTLINE_MODE }, `${service.name} listening`);
  return running;
}

/** For `main.ts` files: run, or print why not and exit 1. */
export function runServiceMain(service: ServiceDefinition): void {
  runService(service).catch((error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: service.name, msg: 'failed to start', err: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exit(1);
  });
}
