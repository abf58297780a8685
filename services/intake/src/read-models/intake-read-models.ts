import { HotlineError } from '@hotline/contracts';
import { ProjectionRunner, type Projection, type ProjectionSource } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import type { MinHasher } from '../text/min-hash';
import { blocklistProjection } from './blocklist.projection';
import { caseFingerprintsProjection } from './case-fingerprints.projection';
import { contactLogProjection } from './contact-log.projection';

export interface IntakeReadModelsOptions {
  store: ReadStore;
  source: (projection: Projection) => ProjectionSource;
  hasher: MinHasher;
  registry?: Registry;
  logger?: Logger;
  readAfterWriteTimeoutMs: number;
}

export type IntakeReadModel = 'contacts' | 'caseFingerprints' | 'blocklist';

const POLL_MS = 5;

/** The intake projections and their runners: started with the service, waited on by queries. */
export class IntakeReadModels {
  private readonly runners: Record<IntakeReadModel, ProjectionRunner>;

  constructor(private readonly options: IntakeReadModelsOptions) {
    const runner = (projection: Projection) =>
      new ProjectionRunner(projection, {
        store: options.store,
        source: options.source(projection),
        ...(options.registry ? { registry: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
    this.runners = {
      contacts: runner(contactLogProjection()),
      caseFingerprints: runner(caseFingerprintsProjection(options.hasher)),
      blocklist: runner(blocklistProjection()),
    };
  }

  get store(): ReadStore {
    return this.options.store;
  }

  async start(): Promise<void> {
    for (const runner of Object.values(this.runners)) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.stop()));
  }

  async caughtUp(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.waitUntilCaughtUp()));
  }

  live(): boolean {
    return Object.values(this.runners).every((runner) => runner.status().state === 'live');
  }

  /**
   * Read-after-write: waits until `model` has stored the event at `position` (the position a
   * command answered with); 'unavailable' when it lags longer than the configured timeout. Only the
   * read model the event belongs to is waited on: the others never see it.
   */
  async waitFor(model: IntakeReadModel, position: number | undefined): Promise<void> {
    if (position === undefined || position === 0) return;
    const runner = this.runners[model];
    const deadline = Date.now() + this.options.readAfterWriteTimeoutMs;
    while (runner.status().checkpoint < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `the ${model} read model has not reached position ${position} yet; retry shortly`,
          undefined,
          {
            position,
            checkpoint: runner.status().checkpoint,
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
