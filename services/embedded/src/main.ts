/**
 * `npm start`: every service in one process on the embedded adapters — SQLite event store under
 * ./data, in-memory read models rebuilt from the store at start, in-process bus. No server needed.
 */
import 'reflect-metadata';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { embeddedServices } from './embedded-services';

async function main(): Promise<void> {
  const config = loadConfig(platformConfigSchema, undefined, 'hotline');
  const platform = await Platform.open('hotline', config);
  const running = await startServices(platform, embeddedServices, {
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
  });
  platform.logger.info({ url: running.url, mode: 'embedded' }, 'hotline listening');
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
