import { z } from 'zod';
import { envInt } from '@hotline/infra/config';

/** How many rows a case-list export may have: streamed at once, or written by a background job. */
export const reportExportConfigSchema = z.object({
  REPORT_EXPORT_ROW_LIMIT: envInt({ min: 0, max: 1_000_000 })
    .default(100_000)
    .describe('Rows a case-list export streams at once (xlsx, CSV); beyond it the export runs as a job'),
  REPORT_EXPORT_JOB_LIMIT: envInt({ min: 0, max: 10_000_000 })
    .default(1_000_000)
    .describe('Rows an export job may write; a larger export is refused with this limit'),
  REPORT_EXPORT_KEEP_HOURS: envInt({ min: 1, max: 720 })
    .default(24)
    .describe("Hours a finished export job's file is kept for download"),
});

export type ReportExportConfig = z.infer<typeof reportExportConfigSchema>;

/** Injection token of the ReportExportConfig. */
export const REPORT_EXPORT_CONFIG = Symbol('hotline.gateway.report-export-config');
