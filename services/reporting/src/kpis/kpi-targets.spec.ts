import { emptyCounters } from '../counters/case-metrics';
import { caseKpis } from './case-kpis';
import { DEFAULT_KPI_TARGETS, parseKpiTargets } from './kpi-targets';

const targetOf = (kpis: ReturnType<typeof caseKpis>, key: string) =>
  kpis.find((kpi) => kpi.key === key)?.target;

describe('KPI targets (REPORTING_KPI_TARGETS)', () => {
  it("sets targets over the city's defaults, as ratios or percentages, a maximum for a lower-is-better KPI", () => {
    const targets = parseKpiTargets(' onTimeCompletion=96% , satisfaction=0.9,returnRate=3%');
    expect(targets).toMatchObject({
      onTimeCompletion: 0.96,
      satisfaction: 0.9,
      returnRate: 0.03,
      completion: 0.95,
    });
    const counters = { ...emptyCounters(), completed: 10, completedOnTime: 9, assigned: 10, returned: 1 };
    const kpis = caseKpis(counters, 'center', targets);
    expect(targetOf(kpis, 'onTimeCompletion')).toBe(0.96);
    expect(kpis.find((kpi) => kpi.key === 'returnRate')).toMatchObject({ target: 0.03, lowerIsBetter: true });
    // Without the setting, the city's defaults; a KPI without one has no target.
    const defaults = caseKpis(counters);
    expect(targetOf(defaults, 'onTimeCompletion')).toBe(DEFAULT_KPI_TARGETS.onTimeCompletion);
    expect(targetOf(defaults, 'firstContactResolution')).toBeUndefined();
    expect(parseKpiTargets('')).toEqual(DEFAULT_KPI_TARGETS);
  });

  it('refuses an unknown KPI or a target out of range, naming it', () => {
    expect(() => parseKpiTargets('satisfactoin=0.9')).toThrow(/"satisfactoin" is not a KPI/);
    expect(() => parseKpiTargets('satisfaction=95')).toThrow(/target of satisfaction must be a ratio/);
    expect(() => parseKpiTargets('satisfaction=')).toThrow(/target of satisfaction/);
  });
});
