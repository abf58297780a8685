import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { ReadinessRegistry } from '@hotline/infra/health';
import type { CallbackDueRunner } from './callback-task/callback-due.runner';
import type { PollIvrRunner } from './polls/poll-ivr.runner';
import type { SurveyReadModels } from './read-models/survey-read-models';

/**
 * Starts the read models with the app, then the due runner and the IVR poll robot (they read the queue and the call lists); stops them in
 * reverse before the platform closes. Ready once the read models have caught up.
 */
export class SurveyLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly readModels: SurveyReadModels,
    private readonly readiness: ReadinessRegistry,
    private readonly dueRunner: CallbackDueRunner | undefined,
    private readonly pollRobot?: PollIvrRunner,
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
    this.pollRobot?.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.pollRobot?.stop();
    await this.dueRunner?.stop();
    await this.readModels.stop();
  }
}
