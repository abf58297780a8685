import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { loadConfig } from '@hotline/infra/config';
import type { Platform } from '@hotline/infra/platform';
import { EXPORT_JOBS } from './export-jobs.token';
import { ExportJobs } from './export-jobs';
import { REPORT_EXPORT_CONFIG, reportExportConfigSchema } from './report-export.config';

/** The export limits and the background export jobs under the data directory. */
export function reportExportProviders(platform: Platform, env?: NodeJS.ProcessEnv): Provider[] {
  const config = loadConfig(reportExportConfigSchema, env, 'gateway');
  return [
    { provide: REPORT_EXPORT_CONFIG, useValue: config },
    {
      provide: EXPORT_JOBS,
      useFactory: () =>
        new ExportJobs(join(platform.config.HOTLINE_DATA_DIR, 'exports'), config.REPORT_EXPORT_KEEP_HOURS),
    },
  ];
}
