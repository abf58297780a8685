import { z } from 'zod';
import { envInt } from '@hotline/infra/config';
import { parseKpiTargets } from './kpis/kpi-targets';

/** The reporting service's own settings (the platform's are in platformConfigSchema). */
export const reportingConfigSchema = z.object({
  REPORTING_CATCH_UP_BATCH: envInt({ min: 1, max: 100_000 })
    .default(5_000)
    .describe('Events whose counter increments are written together while the counters catch up or rebuild'),
  REPORTING_KPI_TARGETS: z
    .string()
    .default('')
    .superRefine((text, context) => {
      try {
        parseKpiTargets(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .describe(
      "The initial KPI targets over the city's defaults, e.g. `onTimeCompletion=96%,satisfaction=0.9,returnRate=3%` (a ratio or a percentage; a lower-is-better KPI's is its maximum): in force until the center first sets the targets on screen (SetKpiTargets), ignored after that",
    ),
  REPORTING_DIGEST_MAIL_TO: z
    .string()
    .default('')
    .describe(
      "Addresses (comma-separated) the leaders' daily digest (要情) is mailed to each morning, through intake's mail relay; empty: not mailed",
    ),
  REPORTING_DIGEST_HOUR: envInt({ min: 0, max: 23 })
    .default(7)
    .describe(
      "The hour (Beijing time) from which the day's digest of yesterday is mailed, once per day and address",
    ),
  REPORTING_SURGE_MAIL_TO: z
    .string()
    .default('')
    .describe(
      "Supervisors' and leaders' addresses (comma-separated) a surge alert is mailed to, with its cases and the proposed IVR announcement; empty: not mailed",
    ),
  REPORTING_SURGE_MIN_COUNT: envInt({ min: 2, max: 10_000 })
    .default(10)
    .describe('Contacts in an hour a category, keyword or place needs before it can count as a surge alert'),
  REPORTING_SURGE_CHECK_MS: envInt({ min: 100, max: 3_600_000 })
    .default(5_000)
    .describe(
      "How often (ms) the last two hours are checked for surges; a new one is pushed to supervisors' live channel and mailed",
    ),
});
export type ReportingConfig = z.infer<typeof reportingConfigSchema>;
