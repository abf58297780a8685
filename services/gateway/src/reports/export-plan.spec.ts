import { ValidationError } from '@hotline/contracts';
import { XLSX_MAX_SHEET_ROWS } from '@hotline/infra/documents';
import { exportPlan } from './export-plan';

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
    expect(exportPlan(0, config)).toBe('stream');
    expect(exportPlan(100_000, config)).toBe('stream');
    expect(exportPlan(100_001, config)).toBe('job');
    expect(exportPlan(1_000_000, config)).toBe('job');
    const refused = refusal(() => exportPlan(1_000_001, config));
    expect(refused.field).toBe('to');
    expect(refused.message).toContain('limit of 1,000,000 (REPORT_EXPORT_JOB_LIMIT)');
  });

  it("runs an xlsx beyond one Excel sheet's 1,048,576 rows as a job like a CSV (it goes on in further tabs)", () => {
    const raised = { ...config, REPORT_EXPORT_JOB_LIMIT: 5_000_000 };
    expect(exportPlan(XLSX_MAX_SHEET_ROWS + 1, raised)).toBe('job');
    expect(exportPlan(3 * XLSX_MAX_SHEET_ROWS, raised)).toBe('job');
  });
});
