/**
 * `HOTLINE_DEMO=on` in the distributed mode: a one-shot process that creates the demo city in the
 * distributed event store and exits 0 (`npm run start:distributed` starts it beside the services;
 * on Kubernetes it is a Job). The city's history is decided at past business times, which only a
 * clock in the deciding process can give, so this process runs every service in-process (embedded
 * bus, read models in memory) on the configured event store with the demo clock. Every command has
 * a fixed id, so a run cut off half-way is resumed by the next, and a run that finds the city's
 * completion marker in the store sends nothing. The relay publishes what it wrote, and the distributed
 * services' read models follow as they do for any event.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { DemoClock } from './demo-clock';
import { DemoCity } from './demo-city';
import { embeddedServices } from '../embedded-services';

async function main(): Promise<void> {
  // The embedded bus keeps its consumers' checkpoints in a SQLite file: a scratch one, never the
  // embedded runner's own data directory.
  const scratch = mkdtempSync(join(tmpdir(), 'hotline-demo-seed-'));
  const config = {
    ...loadConfig(platformConfigSchema, undefined, 'demo'),
    HOTLINE_MODE: 'embedded' as const,
    HOTLINE_DEMO: 'on' as const,
    HOTLINE_DATA_DIR: scratch,
    READ_STORE: 'memory' as const,
  };
  const clock = new DemoClock();
  const platform = await Platform.open('demo', config, { clock });
  const city = new DemoCity(platform, clock);
  const running = await startServices(platform, embeddedServices, {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  try {
    await city.create();
  } finally {
    await running.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: 'demo', msg: 'the demo city could not be created', err: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exit(1);
  },
);
