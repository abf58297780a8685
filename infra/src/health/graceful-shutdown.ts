import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from '../telemetry';
import { ReadinessRegistry } from './readiness.registry';

export interface ShutdownStep {
  /** Named in the logs, and in the error when the step outlives the timeout. */
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownOptions {
  /** Default: the app's ReadinessRegistry (from HealthModule), if it has one. */
  readiness?: ReadinessRegistry;
  /** How long readiness answers 503 before the app stops accepting requests. Default 0. */
  delayMs?: number;
  /** Longest the whole shutdown may take; then the process exits with status 1. Default 25 s. */
  timeoutMs?: number;
  logger?: Logger;
  /** Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /** Called with 0 after a clean shutdown, 1 after a failed or late one. Default `process.exit`. */
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /** Starts the shutdown (as a signal would); resolves with the exit code. Repeated calls share one run. */
  shutdown(reason?: string): Promise<number>;
  /** Removes the signal listeners. */
  dispose(): void;
}

const DEFAULT_TIMEOUT_MS = 25_000;

/**
 * Graceful shutdown on SIGTERM/SIGINT: readiness turns 503 at once, then (after `delayMs`) the app
 * closes (HTTP server and bus listeners stop accepting; in-flight requests finish; Nest's shutdown
 * hooks run), then `steps` run in order (drain consumers, close stores), then the process exits.
 * Do not also call `app.enableShutdownHooks()`.
 */
export function onShutdown(
  app: INestApplicationContext,
  steps: ShutdownStep[],
  options: ShutdownOptions = {},
): ShutdownHandle {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const logger = options.logger;
  let running: Promise<number> | undefined;

  const sequence: ShutdownStep[] = [
    { name: 'let load balancers see the service draining', run: () => sleep(options.delayMs ?? 0) },
    { name: 'stop accepting requests (close the app)', run: () => app.close() },
    ...steps,
  ];
  let current = 'start';

  const runAll = async (reason: string): Promise<number> => {
    const readiness = options.readiness ?? findReadiness(app);
    readiness?.markDraining();
    logger?.info({ reason }, 'shutting down');
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        logger?.error(
          { step: current, timeoutMs },
          `shutdown did not finish within ${timeoutMs} ms (at: ${current})`,
        );
        resolve(1);
      }, timeoutMs);
    });
    const done = (async (): Promise<number> => {
      for (const step of sequence) {
        current = step.name;
        try {
          await step.run();
        } catch (error) {
          logger?.error({ err: error, step: step.name }, `shutdown step failed: ${step.name}`);
          return 1;
        }
      }
      logger?.info('shut down cleanly');
      return 0;
    })();
    const code = await Promise.race([done, late]);
    clearTimeout(timer);
    dispose();
    exit(code);
    return code;
  };

  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);
  const shutdown = (reason = 'requested'): Promise<number> => (running ??= runAll(reason));
  const dispose = (): void => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return { shutdown, dispose };
}

function findReadiness(app: INestApplicationContext): ReadinessRegistry | undefined {
  try {
    return app.get(ReadinessRegistry, { strict: false });
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
