import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { loadConfig } from '@hotline/infra/config';
import type { Platform } from '@hotline/infra/platform';
import { AnonymousUploadQuota } from './anonymous-upload-quota';
import { ATTACHMENTS_CONFIG, attachmentsConfigSchema, type AttachmentsConfig } from './attachments.config';
import { AttachmentSweeper, SWEEPER_LOGGER } from './attachment-sweeper';
import { ANONYMOUS_UPLOAD_QUOTA, ATTACHMENT_STORE } from './attachment-store.token';

/** The attachment store under the data directory, the portal's quota and the sweep (the claim is a middleware). */
export function attachmentProviders(platform: Platform, env?: NodeJS.ProcessEnv): Provider[] {
  const config = loadConfig(attachmentsConfigSchema, env, 'gateway');
  return [
    { provide: ATTACHMENTS_CONFIG, useValue: config },
    {
      provide: ATTACHMENT_STORE,
      useFactory: () => new FileAttachmentStore(join(platform.config.HOTLINE_DATA_DIR, 'attachments')),
    },
    { provide: ANONYMOUS_UPLOAD_QUOTA, useValue: new AnonymousUploadQuota(limitsOf(config)) },
    { provide: SWEEPER_LOGGER, useValue: platform.logger },
    AttachmentSweeper,
  ];
}

const limitsOf = (config: AttachmentsConfig) => ({
  uploadsPerHour: config.HOTLINE_ANONYMOUS_UPLOADS_PER_HOUR,
  mibPerHour: config.HOTLINE_ANONYMOUS_UPLOAD_MIB_PER_HOUR,
  pendingMib: config.HOTLINE_ANONYMOUS_PENDING_MIB,
});
