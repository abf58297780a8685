import { z } from 'zod';
import { envInt } from '@hotline/infra/config';

/** How long uploads wait for a command to reference them, and what the portal's anonymous callers may upload. */
export const attachmentsConfigSchema = z.object({
  HOTLINE_UPLOAD_UNCLAIMED_HOURS: envInt({ min: 1, max: 720 })
    .default(24)
    .describe('An upload that no contact or case references within this many hours is removed'),
  HOTLINE_ANONYMOUS_UPLOADS_PER_HOUR: envInt({ min: 1, max: 10_000 })
    .default(20)
    .describe('Files one client address may upload without signing in, per hour (the portal)'),
  HOTLINE_ANONYMOUS_UPLOAD_MIB_PER_HOUR: envInt({ min: 1, max: 100_000 })
    .default(60)
    .describe('MiB one client address may upload without signing in, per hour'),
  HOTLINE_ANONYMOUS_PENDING_MIB: envInt({ min: 1, max: 10_000_000 })
    .default(2048)
    .describe(
      'MiB of anonymous uploads not yet referenced by a contact, in total; beyond it anonymous uploads wait',
    ),
});

export type AttachmentsConfig = z.infer<typeof attachmentsConfigSchema>;

/** Injection token of the AttachmentsConfig. */
export const ATTACHMENTS_CONFIG = Symbol('hotline.gateway.attachments-config');
