import {
  ProjectionRunner,
  projectionsBehind,
  waitForCheckpoint,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { agentScoresProjection } from './agent-scores.projection';
import { callbackTasksProjection } from './callback-tasks.projection';
import { pollProjection } from '../polls/poll.projection';

export interface SurveyReadModelsOptions {
  store: ReadStore;
  source: () => ProjectionSource;
  registry?: Registry;
  logger: Logger;
  readAfterWriteTimeoutMs: number;
}

export type SurveyReadModel = 'callbackTasks' | 'agentScores' | 'polls';

/** The survey projections and their runners: started with the service, waited on by queries. */
export class SurveyReadModels {
  private readonly runners: Record<SurveyReadModel, ProjectionRunner>;

  constructor(private readonly options: SurveyReadModelsOptions) {
    const runner = (projection: Projection) =>
      new ProjectionRunner(projection, {
        store: options.store,
        source: options.source(),
        ...(options.registry ? { registry: options.registry } : {}),
        logger: options.logger,
      });
    this.runners = {
      callbackTasks: runner(callbackTasksProjection()),
      agentScores: runner(agentScoresProjection()),
      polls: runner(pollProjection()),
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

  /** Why the read models are not live (which projection is behind, by how much), or undefined. */
  notReady(): Promise<string | undefined> {
    return projectionsBehind(Object.values(this.runners));
  }

  /** Read-after-write: waits until `model` has stored the event at `position`. */
  waitFor(model: SurveyReadModel, position: number | undefined): Promise<void> {
    return waitForCheckpoint(
      this.runners[model],
      position,
      this.options.readAfterWriteTimeoutMs,
      `the survey ${model} read model`,
    );
  }
}
