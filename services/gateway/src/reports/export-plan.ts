import { ValidationError } from '@hotline/contracts';
import type { ReportExportConfig } from './report-export.config';

export type ExportPlan = 'stream' | 'job';

/**
 * How an export of `total` rows runs: streamed in the response up to the row limit, as a background
 * job up to the job limit, refused beyond it (naming the limit and the range to narrow).
 */
export function exportPlan(total: number, config: ReportExportConfig): ExportPlan {
  if (total <= config.REPORT_EXPORT_ROW_LIMIT) return 'stream';
  if (total <= config.REPORT_EXPORT_JOB_LIMIT) return 'job';
  const count = (n: number) => n.toLocaleString('en-US');
  throw new ValidationError(
    'to',
    `the export would have ${count(total)} rows, more than the limit of ${count(config.REPORT_EXPORT_JOB_LIMIT)}: narrow the range or the filters`,
  );
}
