import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from '@hotline/infra/telemetry';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { ATTACHMENTS_CONFIG, type AttachmentsConfig } from './attachments.config';
import { ATTACHMENT_STORE } from './attachment-store.token';

const HOUR_MS = 3_600_000;
/** Injection token of the logger the sweeper reports to. */
export const SWEEPER_LOGGER = Symbol('hotline.gateway.attachment-sweeper-logger');

/** Removes uploads that nothing referenced in time: on start, then every quarter of the limit (at most hourly). */
@Injectable()
export class AttachmentSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ATTACHMENT_STORE) private readonly store: FileAttachmentStore,
    @Inject(ATTACHMENTS_CONFIG) private readonly config: AttachmentsConfig,
    @Inject(SWEEPER_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(HOUR_MS, (this.config.HOTLINE_UPLOAD_UNCLAIMED_HOURS * HOUR_MS) / 4);
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const { removed, bytes } = await this.store.sweep(this.config.HOTLINE_UPLOAD_UNCLAIMED_HOURS * HOUR_MS);
      if (removed > 0) this.logger.info({ removed, bytes }, 'removed uploads that nothing referenced');
    } catch (error) {
      this.logger.warn({ err: error }, 'sweeping unreferenced uploads failed; retried at the next sweep');
    }
  }
}
