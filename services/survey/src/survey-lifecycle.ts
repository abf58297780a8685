import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { ReadinessRegistry } from '@hotline/infra/health';
import type { CallbackDueRunner } from './callback-task/callback-due.runner';
import type { SurveyReadModels } from './read-models/survey-read-models';

/**
 * Starts the read models with the app, then the due runner (it reads the queue); stops them in
 * reverse before the platform closes. Ready once the read models have caught up.
 */
export class SurveyLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly readModels: SurveyReadModels,
    private readonly readiness: ReadinessRegistry,
    private readonly dueRunner: CallbackDueRunner | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unregister = this.readiness.register({
      name: 'survey-read-models',
      check: async () => {
        const behind = await this.readModels.notReady();
        if (behind) throw new Error(behind);
      },
    });
    await this.readModels.start();
    this.dueRunner?.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.dueRunner?.stop();
    await this.readModels.stop();
  }
}
