import { join } from 'node:path';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import type { Platform } from '@hotline/infra/platform';
import { DemoBus } from './demo-bus';
import type { DemoClock } from './demo-clock';
import { DemoCityMarker } from './demo-city-marker';
import { seedDemoCity, type DemoCityReport } from './demo-city-seeder';
import { planDemoCity, type DemoCase } from './demo-plan';

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
    /** The cases of the city; default the whole demo plan (a test passes a few). */
    private readonly plan: readonly DemoCase[] = planDemoCity(),
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
    const marker = new DemoCityMarker(this.platform.eventStore, this.plan);
    const client = this.platform.client();
    try {
      // A restart of a complete city sends nothing: re-sending every command (each answered from
      // the store) took as long as the first start.
      if (await marker.present()) {
        this.state = { status: 'done' };
        logger.info('demo city: already complete, nothing to send');
        return { cases: this.plan.length, failed: 0, elapsedMs: 0, alreadyComplete: true };
      }
      await servicesReady(this.platform);
      this.state = { status: 'seeding' };
      logger.info('demo city: creating (resumes a seeding cut off earlier: commands are idempotent)');
      const report = await seedDemoCity({
        bus: new DemoBus(client, this.clock),
        logger,
        now: this.clock.now(),
        plan: this.plan,
        // The gateway's store (attachments.providers.ts): the desk opens the photo from there.
        attachments: new FileAttachmentStore(join(this.platform.config.HOTLINE_DATA_DIR, 'attachments')),
        events: this.platform.eventStore,
      });
      // A failed case is retried by the next start: only a city without failures is marked complete.
      if (report.failed === 0) await marker.write(this.clock.now());
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
