import { ValidationError } from '@hotline/contracts';
import { XLSX_SHEET_ROWS, exportPlan } from './export-plan';

const config = {
  REPORT_EXPORT_ROW_LIMIT: 100_000,
  REPORT_EXPORT_JOB_LIMIT: 1_000_000,
  REPORT_EXPORT_KEEP_HOURS: 24,
};

const refusal = (run: () => unknown): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('exportPlan', () => {
  it('streams up to the row limit, runs a job up to the job limit, refuses beyond it naming the limit', () => {
    expect(exportPlan(0, config, 'xlsx')).toBe('stream');
    expect(exportPlan(100_000, config, 'xlsx')).toBe('stream');
    expect(exportPlan(100_001, config, 'csv')).toBe('job');
    expect(exportPlan(1_000_000, config, 'xlsx')).toBe('job');
    const refused = refusal(() => exportPlan(1_000_001, config, 'csv'));
    expect(refused.field).toBe('to');
    expect(refused.message).toContain('limit of 1,000,000 (REPORT_EXPORT_JOB_LIMIT)');
  });

  it("refuses an xlsx beyond Excel's 1,048,576 rows naming the sheet's limit, while a CSV of as many runs", () => {
    const raised = { ...config, REPORT_EXPORT_JOB_LIMIT: 5_000_000 };
    // The header row and 1,048,575 cases fill a sheet exactly.
    expect(XLSX_SHEET_ROWS + 1).toBe(1_048_576);
    expect(exportPlan(XLSX_SHEET_ROWS, raised, 'xlsx')).toBe('job');
    const refused = refusal(() => exportPlan(XLSX_SHEET_ROWS + 1, raised, 'xlsx'));
    expect(refused.field).toBe('format');
    expect(refused.message).toContain('1,048,576 rows');
    expect(refused.message).toContain('1,048,575 an Excel sheet holds');
    expect(refused.message).toContain('export as csv');
    expect(exportPlan(XLSX_SHEET_ROWS + 1, raised, 'csv')).toBe('job');
  });
});
