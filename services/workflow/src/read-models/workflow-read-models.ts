import {
  ProjectionRunner,
  projectionsBehind,
  waitForCheckpoint,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import type { EventStore } from '@hotline/infra/event-store';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { caseTimelineProjection } from '../case/read-models/case-timeline.projection';
import { casesProjection } from '../case/read-models/cases.projection';
import {
  RESERVATIONS_PROJECTION,
  caseNumberReservationsProjection,
} from '../case/case-number/case-number-reservations.projection';
import { unitsProjection } from '../unit/units.projection';

export interface WorkflowReadModelsOptions {
  store: ReadStore;
  /** Where each projection's events come from: the store (embedded) or the event bus (distributed). */
  source: (projection: Projection) => ProjectionSource;
  registry?: Registry;
  logger?: Logger;
  /** Case views kept in memory by the cases projection. */
  cacheSize?: number;
  /** Events whose writes go out together while catching up (default 5000). */
  batchSize?: number;
}

/**
 * A wave of a day's cases passes through all its steps within a few thousand events; a batch that
 * size lets the write batch fold a case's successive views into one write during a rebuild. Live
 * events still commit as soon as the source pauses.
 */
const CATCH_UP_BATCH = 5_000;

export const UNITS_PROJECTION = 'workflow-units';
export const CASE_PROJECTIONS: readonly string[] = ['workflow-cases', 'workflow-case-timeline'];
export { RESERVATIONS_PROJECTION };

/** The workflow's projections and their runners: started with the service, waited on by queries. */
export class WorkflowReadModels {
  private readonly runners: ProjectionRunner[];
  private readonly projections: Projection[];
  /** Per projection, the position of the last event it takes that was in the store at start. */
  private readonly startHeads = new Map<string, number>();

  constructor(options: WorkflowReadModelsOptions) {
    this.projections = [
      unitsProjection(),
      casesProjection({ cacheSize: options.cacheSize }),
      caseTimelineProjection(),
      caseNumberReservationsProjection(),
    ];
    this.runners = this.projections.map(
      (projection) =>
        new ProjectionRunner(projection, {
          store: options.store,
          source: options.source(projection),
          batchSize: options.batchSize ?? CATCH_UP_BATCH,
          ...(options.registry ? { registry: options.registry } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        }),
    );
  }

  /**
   * Starts the runners. `store` gives the head each projection must reach before the service is
   * ready: with events arriving through a relay, "caught up with the bus" alone could come before
   * the events already stored (a seed just written) were even published.
   */
  async start(store?: EventStore): Promise<void> {
    if (store) {
      for (const projection of this.projections) {
        const [last] = await store.readAll({
          direction: 'backwards',
          maxCount: 1,
          ...(projection.filter ? { filter: projection.filter } : {}),
        });
        this.startHeads.set(projection.name, last?.position ?? 0);
      }
    }
    for (const runner of this.runners) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Resolves once every projection has reached the head of its source after the start. */
  async caughtUp(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitUntilCaughtUp()));
  }

  /** Position of the last event projection `name` has stored. */
  checkpoint(name: string): number {
    return this.runners.find((runner) => runner.status().name === name)?.status().checkpoint ?? 0;
  }

  /** Why the read models are not ready (which projection is behind, by how much), or undefined. */
  notReady(): Promise<string | undefined> {
    return projectionsBehind(this.runners, this.startHeads);
  }

  /** Whether every projection is live and has stored what the store held at start. */
  ready(): boolean {
    return this.runners.every((runner) => {
      const { state, name, checkpoint } = runner.status();
      return state === 'live' && checkpoint >= (this.startHeads.get(name) ?? 0);
    });
  }

  /**
   * Read-after-write: waits until the named projections (default: the case read models) have
   * stored the event at `position`, the position a command answered with. Answers 'unavailable'
   * when they lag longer than `timeoutMs`. A projection only advances on the events it takes, so
   * wait on those that take the command's events.
   */
  async waitFor(
    position: number | undefined,
    timeoutMs: number,
    names: readonly string[] = CASE_PROJECTIONS,
  ): Promise<void> {
    if (position === undefined || position === 0) return;
    const runners = this.runners.filter((runner) => names.includes(runner.status().name));
    await waitForCheckpoint(runners, position, timeoutMs, 'the case read models');
  }
}
