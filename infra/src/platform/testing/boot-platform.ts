import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, MessageRegistry } from '@hotline/contracts';
import { loadConfig, type Env } from '../../config';
import { Platform } from '../platform';
import { platformConfigSchema } from '../platform-config.schema';
import type { ServiceDefinition } from '../service-module';
import { startServices, type RunningServices } from '../start-services';

export interface BootOptions {
  /** Settings over the test defaults (embedded, a fresh data directory, quiet logs, no tracing). */
  env?: Env;
  /** The service name of the platform (logs, traces, bus). Default `hotline`. */
  name?: string;
  clock?: Clock;
  /** The message definitions events are read by (a test of a schema change). Default: the platform's. */
  registry?: MessageRegistry;
  /** A data directory to (re)use, kept on close: a restart test boots twice on it. Default: a fresh one. */
  dir?: string;
  /** Called once the platform is open, before the services start (e.g. to add a readiness check). */
  onOpen?: (platform: Platform) => void;
}

export interface BootedPlatform {
  /** The HTTP base URL (`http://localhost:<port>`). */
  url: string;
  platform: Platform;
  running: RunningServices;
  /** The data directory; removed by `close` unless it was given. */
  dir: string;
  /** Stops the services and the platform, then removes the data directory. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens a platform on a temporary data directory and mounts the services on an ephemeral port: the boot
 * of every test that runs services together over real HTTP and a real bus.
 */
export async function bootPlatform(
  services: ServiceDefinition[],
  options: BootOptions = {},
): Promise<BootedPlatform> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hotline-boot-'));
  const name = options.name ?? 'hotline';
  const config = loadConfig(
    platformConfigSchema,
    {
      HOTLINE_MODE: 'embedded',
      HOTLINE_DATA_DIR: dir,
      EVENT_STORE_DURABILITY: 'normal',
      LOG_LEVEL: 'silent',
      HOTLINE_TRACE_EXPORTER: 'none',
      ...options.env,
    },
    name,
  );
  const removeDir = (): void => {
    if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
  };
  let platform: Platform;
  try {
    platform = await Platform.open(name, config, {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
    });
  } catch (error) {
    removeDir();
    throw error;
  }
  let running: RunningServices;
  try {
    options.onOpen?.(platform);
    running = await startServices(platform, services, { port: 0, host: '127.0.0.1', handleSignals: false });
  } catch (error) {
    await platform.close();
    removeDir();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    url: running.url,
    platform,
    running,
    dir,
    close: () => (closed ??= running.close().finally(removeDir)),
  };
}
