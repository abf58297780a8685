import { kpiText, meetsTarget, pointsChange } from './kpi-format';

const kpi = (value: number | null, extra = {}) => ({
  key: 'k',
  numerator: 0,
  denominator: 0,
  value,
  ...extra,
});

describe('KPI formatting', () => {
  it('shows a rate with one decimal, seconds rounded, and a dash when nothing was measured', () => {
    expect(kpiText(kpi(0.9525), '秒')).toBe('95.3%');
    expect(kpiText(kpi(18.4, { unit: 'seconds' }), '秒')).toBe('18 秒');
    expect(kpiText(kpi(null), '秒')).toBe('—');
  });

  it('judges the target, lower-is-better included', () => {
    expect(meetsTarget(kpi(0.96, { target: 0.95 }))).toBe(true);
    expect(meetsTarget(kpi(0.03, { target: 0.02, lowerIsBetter: true }))).toBe(false);
    expect(meetsTarget(kpi(0.5))).toBeUndefined();
  });

  it('gives the change in percentage points', () => {
    expect(pointsChange(kpi(0.95), kpi(0.925))).toBe(2.5);
    expect(pointsChange(kpi(0.95), kpi(null))).toBeUndefined();
  });
});
