import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@hotline/infra/event-store';
import type { ReadinessRegistry } from '@hotline/infra/health';
import type { WorkflowReadModels } from './workflow-read-models';

/**
 * Seeds (when asked) and starts the projections with the app and stops them before the platform closes. The service is
 * ready once they have caught up: the report names the projections behind and by how much.
 */
export class ReadModelsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly readModels: WorkflowReadModels,
    private readonly readiness: ReadinessRegistry,
    private readonly store: EventStore,
    /** Runs before the projections start, e.g. seeding an empty store. */
    private readonly beforeStart: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unregister = this.readiness.register({
      name: 'workflow-read-models',
      check: async () => {
        if (this.readModels.ready()) return;
        throw new Error((await this.readModels.notReady()) ?? 'the workflow read models are catching up');
      },
    });
    await this.beforeStart();
    await this.readModels.start(this.store);
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.readModels.stop();
  }
}
