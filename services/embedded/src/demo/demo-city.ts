import type { Platform } from '@hotline/infra/platform';
import { DemoBus } from './demo-bus';
import type { DemoClock } from './demo-clock';
import { seedDemoCity, type DemoCityReport } from './demo-city-seeder';

const READINESS_CHECK = 'demo-city';
const WAIT_STEP_MS = 100;
const WAIT_FOR_SERVICES_MS = 120_000;

type SeedState = { status: 'waiting' | 'seeding' | 'done' } | { status: 'failed'; reason: string };

/**
 * The demo city of an embedded platform. Created before the services start, it makes
 * `/health/ready` fail with the check `demo-city` until the city exists, so a test or a person
 * waits for a complete city; `create()` (once the services listen) builds it in the background
 * while the HTTP API already answers.
 */
export class DemoCity {
  private state: SeedState = { status: 'waiting' };

  constructor(
    private readonly platform: Platform,
    private readonly clock: DemoClock,
  ) {
    platform.readiness.register({
      name: READINESS_CHECK,
      check: () => {
        if (this.state.status === 'failed')
          throw new Error(`the demo city could not be created: ${this.state.reason}`);
        if (this.state.status !== 'done') throw new Error('the demo city is being created');
      },
    });
  }

  /** Resolves with the report; rejects when seeding failed (the readiness check then names the reason). */
  async create(): Promise<DemoCityReport> {
    const { logger } = this.platform;
    const client = this.platform.client();
    try {
      await servicesReady(this.platform);
      this.state = { status: 'seeding' };
      logger.info('demo city: creating (idempotent: a restart adds nothing)');
      const report = await seedDemoCity({
        bus: new DemoBus(client, this.clock),
        logger,
        now: this.clock.now(),
      });
      this.state = { status: 'done' };
      logger.info(report, 'demo city: ready');
      return report;
    } catch (error) {
      this.state = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      logger.error({ err: error }, 'demo city: creation failed');
      throw error;
    } finally {
      void client.close();
    }
  }
}

/** Every readiness check but the demo's own passes: read models rebuilt, sample city and articles seeded. */
async function servicesReady(platform: Platform): Promise<void> {
  const deadline = Date.now() + WAIT_FOR_SERVICES_MS;
  for (;;) {
    const report = await platform.readiness.run();
    if (report.status === 'draining') throw new Error('the platform is shutting down');
    const failing = Object.entries(report.checks).filter(
      ([name, check]) => name !== READINESS_CHECK && check.status === 'failed',
    );
    if (failing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`services not ready: ${failing.map(([name]) => name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
