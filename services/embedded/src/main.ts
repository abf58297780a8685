/**
 * `npm start`: every service in one process on the embedded adapters — SQLite event store under
 * ./data, in-memory read models rebuilt from the store at start, in-process bus. No server needed.
 */
import 'reflect-metadata';
import { loadConfig } from '@hotline/infra/config';
import { Platform, demoDataEnabled, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { DemoClock } from './demo/demo-clock';
import { DemoCity } from './demo/demo-city';
import { embeddedServices } from './embedded-services';

async function main(): Promise<void> {
  const config = loadConfig(platformConfigSchema, undefined, 'hotline');
  const demo = demoDataEnabled(config);
  // The demo city's history is decided at past business times, through a clock only its seeding moves.
  const clock = demo ? new DemoClock() : undefined;
  const platform = await Platform.open('hotline', config, clock ? { clock } : {});
  const demoCity = clock ? new DemoCity(platform, clock) : undefined;
  const running = await startServices(platform, embeddedServices, {
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
  });
  platform.logger.info({ url: running.url, mode: 'embedded', demo }, 'hotline listening');
  // Logged by the demo city; until it exists /health/ready says why it is not ready.
  demoCity?.create().catch(() => undefined);
  // The one line a person starting the platform looks for.
  process.stdout.write(
    `\nHotline (embedded) is listening on ${running.url} — ready at ${running.url}/health/ready\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `hotline failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
