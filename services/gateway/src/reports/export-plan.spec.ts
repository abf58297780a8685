import { ValidationError } from '@hotline/contracts';
import { exportPlan } from './export-plan';

const config = {
  REPORT_EXPORT_ROW_LIMIT: 100_000,
  REPORT_EXPORT_JOB_LIMIT: 1_000_000,
  REPORT_EXPORT_KEEP_HOURS: 24,
};

describe('exportPlan', () => {
  it('streams up to the row limit, runs a job up to the job limit, refuses beyond it naming the limit', () => {
    expect(exportPlan(0, config)).toBe('stream');
    expect(exportPlan(100_000, config)).toBe('stream');
    expect(exportPlan(100_001, config)).toBe('job');
    expect(exportPlan(1_000_000, config)).toBe('job');
    const refused = (() => {
      try {
        exportPlan(1_000_001, config);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ field: 'to' });
    expect((refused as Error).message).toContain('1,000,000');
  });
});
