import { ValidationError } from '@hotline/contracts';
import type { ReportExportConfig } from './report-export.config';

export type ExportPlan = 'stream' | 'job';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * How an export of `total` rows runs: streamed in the response up to the row limit, as a background
 * job up to the job limit, refused beyond it (naming the limit and the range to narrow). An xlsx
 * larger than one Excel sheet holds is not refused: `writeXlsx` goes on in further tabs.
 */
export function exportPlan(total: number, config: ReportExportConfig): ExportPlan {
  if (total <= config.REPORT_EXPORT_ROW_LIMIT) return 'stream';
  if (total <= config.REPORT_EXPORT_JOB_LIMIT) return 'job';
  throw new ValidationError(
    'to',
    `the export would have ${count(total)} rows, more than the limit of ${count(config.REPORT_EXPORT_JOB_LIMIT)} (REPORT_EXPORT_JOB_LIMIT): narrow the range or the filters`,
  );
}
