import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { ReadinessRegistry } from '@hotline/infra/health';
import {
  ProjectionRunner,
  projectionsBehind,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { caseCountersProjection } from './counters/case-counters.projection';
import { contactCountersProjection } from './counters/contact-counters.projection';
import { reportingUnitsProjection } from './counters/units.projection';

export interface ReportingReadModelsOptions {
  store: ReadStore;
  source: () => ProjectionSource;
  registry?: Registry;
  logger?: Logger;
  /** Events whose writes go out together while catching up. */
  batchSize?: number;
}

/** The reporting projections (counters of every service's events) and their runners. */
export class ReportingReadModels implements OnApplicationBootstrap, OnModuleDestroy {
  readonly projections: Projection[] = [
    caseCountersProjection(),
    contactCountersProjection(),
    reportingUnitsProjection(),
  ];
  private readonly runners: ProjectionRunner[];
  private unregister: (() => void) | undefined;

  constructor(
    options: ReportingReadModelsOptions,
    private readonly readiness?: ReadinessRegistry,
  ) {
    this.runners = this.projections.map(
      (projection) =>
        new ProjectionRunner(projection, {
          store: options.store,
          source: options.source(),
          batchSize: options.batchSize ?? 5_000,
          ...(options.registry ? { registry: options.registry } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unregister = this.readiness?.register({
      name: 'reporting-read-models',
      check: async () => {
        if (this.runners.every((runner) => runner.status().state === 'live')) return;
        throw new Error((await projectionsBehind(this.runners)) ?? 'the reporting counters are catching up');
      },
    });
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.stop();
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async caughtUp(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitUntilCaughtUp()));
  }
}
