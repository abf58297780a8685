import { ValidationError } from '@hotline/contracts';
import type { ReportExportConfig } from './report-export.config';

export type ExportPlan = 'stream' | 'job';

/** Rows an Excel sheet holds below its header row (1,048,576 rows in all): a larger xlsx would not open. */
export const XLSX_SHEET_ROWS = 1_048_575;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * How an export of `total` rows runs: streamed in the response up to the row limit, as a background
 * job up to the job limit, refused beyond it (naming the limit and the range to narrow). An xlsx is
 * also refused beyond what one Excel sheet holds, whatever the job limit says: CSV has no such bound.
 */
export function exportPlan(total: number, config: ReportExportConfig, format: 'xlsx' | 'csv'): ExportPlan {
  if (format === 'xlsx' && total > XLSX_SHEET_ROWS) {
    throw new ValidationError(
      'format',
      `the export would have ${count(total)} rows, more than the ${count(XLSX_SHEET_ROWS)} an Excel sheet holds below its header: export as csv, or narrow the range or the filters`,
    );
  }
  if (total <= config.REPORT_EXPORT_ROW_LIMIT) return 'stream';
  if (total <= config.REPORT_EXPORT_JOB_LIMIT) return 'job';
  throw new ValidationError(
    'to',
    `the export would have ${count(total)} rows, more than the limit of ${count(config.REPORT_EXPORT_JOB_LIMIT)} (REPORT_EXPORT_JOB_LIMIT): narrow the range or the filters`,
  );
}
