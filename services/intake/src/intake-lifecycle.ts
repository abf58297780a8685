import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import type { ReadinessRegistry } from '@hotline/infra/health';
import type { Logger } from '@hotline/infra/telemetry';
import type { IntakeChannels } from './channels/intake-channels';
import type { Classification } from './classification/classification-setup';
import type { KnowledgeIndexFollower } from './knowledge/knowledge-index-follower';
import type { CaseNoticeManager } from './notices/case-notice-manager';
import { seedKnowledge } from './knowledge/knowledge-seeder';
import type { SeedArticle } from './knowledge/seed/seed-article';
import type { IntakeReadModels } from './read-models/intake-read-models';

export interface IntakeLifecycleDeps {
  readModels: IntakeReadModels;
  knowledge: KnowledgeIndexFollower;
  classification: Pick<Classification, 'trainer'>;
  channels: IntakeChannels;
  /** The SMS notices of case steps, when turned on; they run only with the SMPP channel. */
  notices?: CaseNoticeManager;
  readiness: ReadinessRegistry;
  commandDeps: CommandHandlerDeps;
  seedArticles: readonly SeedArticle[];
  logger: Logger;
}

/**
 * Starts intake with the app: the demo knowledge (when configured), the projections, the
 * knowledge index, the channel listeners, then the case notices (they send through the SMS
 * channel); stops them in reverse before the platform closes.
 * Ready once the read models and the index have caught up.
 */
export class IntakeLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly deps: IntakeLifecycleDeps) {}

  async onApplicationBootstrap(): Promise<void> {
    const { readModels, knowledge, channels, readiness, logger } = this.deps;
    this.unregister = readiness.register({
      name: 'intake-read-models',
      check: async () => {
        const learned = this.deps.classification.trainer?.ready ?? true;
        if (readModels.live() && knowledge.live && learned) return;
        const why = [
          await readModels.notReady(),
          knowledge.live ? undefined : 'the knowledge index is catching up',
          learned ? undefined : 'the classifier is learning',
        ];
        throw new Error(why.filter(Boolean).join('; ') || 'the intake read models are catching up');
      },
    });
    if (this.deps.seedArticles.length > 0) {
      const written = await seedKnowledge(this.deps.commandDeps, this.deps.seedArticles);
      if (written > 0) logger.info({ written }, 'demo knowledge articles written');
    }
    await readModels.start();
    await knowledge.start();
    await this.startClassification();
    await channels.start();
    const sender = channels.smsSender;
    if (this.deps.notices && sender) await this.deps.notices.start(sender);
  }

  /**
   * Trains the first model on the shipped corpus before the first contact is classified (a few
   * seconds); once the read models have caught up with the history, a city with cases of its own
   * gets a model trained on them in the background.
   */
  private async startClassification(): Promise<void> {
    const { trainer } = this.deps.classification;
    if (!trainer) return;
    await trainer.start();
    void (async () => {
      await this.deps.readModels.caughtUp();
      if (!this.stopped) await trainer.learnFromHistory();
    })();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unregister?.();
    this.deps.classification.trainer?.stop();
    await this.deps.notices?.stop();
    await this.deps.channels.stop();
    await this.deps.knowledge.stop();
    await this.deps.readModels.stop();
  }
}
