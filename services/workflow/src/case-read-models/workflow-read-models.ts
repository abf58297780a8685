import { HotlineError } from '@hotline/contracts';
import { ProjectionRunner, type Projection, type ProjectionSource } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { caseTimelineProjection } from './case-timeline.projection';
import { casesProjection } from './cases.projection';

export interface WorkflowReadModelsOptions {
  store: ReadStore;
  /** Where each projection's events come from: the store (embedded) or the event bus (distributed). */
  source: (projection: Projection) => ProjectionSource;
  registry?: Registry;
  logger?: Logger;
  /** Case views kept in memory by the cases projection. */
  cacheSize?: number;
}

const POLL_MS = 5;

/** The workflow's projections and their runners: started with the service, waited on by queries. */
export class WorkflowReadModels {
  private readonly runners: ProjectionRunner[];

  constructor(options: WorkflowReadModelsOptions) {
    const projections = [casesProjection({ cacheSize: options.cacheSize }), caseTimelineProjection()];
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(projection, {
          store: options.store,
          source: options.source(projection),
          ...(options.registry ? { registry: options.registry } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        }),
    );
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Resolves once every projection has reached the head of its source after the start. */
  async caughtUp(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitUntilCaughtUp()));
  }

  /** Whether every projection has caught up once and is not replaying after a failure. */
  live(): boolean {
    return this.runners.every((runner) => runner.status().state === 'live');
  }

  /**
   * Read-after-write: waits until every projection has stored the event at `position` (the
   * position a command answered with). Answers 'unavailable' when they lag longer than `timeoutMs`.
   */
  async waitFor(position: number | undefined, timeoutMs: number): Promise<void> {
    if (position === undefined || position === 0) return;
    const deadline = Date.now() + timeoutMs;
    while (!this.runners.every((runner) => runner.status().checkpoint >= position)) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `the read models have not reached position ${position} yet; retry shortly`,
          undefined,
          { position, checkpoints: this.runners.map((r) => r.status().checkpoint) },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
