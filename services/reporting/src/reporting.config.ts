import { z } from 'zod';
import { envInt } from '@hotline/infra/config';

/** The reporting service's own settings (the platform's are in platformConfigSchema). */
export const reportingConfigSchema = z.object({
  REPORTING_CATCH_UP_BATCH: envInt({ min: 1, max: 100_000 })
    .default(5_000)
    .describe('Events whose counter increments are written together while the counters catch up or rebuild'),
});
export type ReportingConfig = z.infer<typeof reportingConfigSchema>;
