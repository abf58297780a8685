import { planDemoCity } from './demo-plan';
import { DEMO_SCENARIOS, type DemoScenario } from './demo-scenarios';

describe('planDemoCity', () => {
  const plan = planDemoCity();

  it('plans the same city on every run, so command ids stay stable', () => {
    expect(planDemoCity()).toEqual(plan);
  });

  it('plans each scenario as often as declared, with unique case and contact ids', () => {
    for (const scenario of Object.keys(DEMO_SCENARIOS) as DemoScenario[]) {
      expect([scenario, plan.filter((c) => c.scenario === scenario).length]).toEqual([
        scenario,
        DEMO_SCENARIOS[scenario].count,
      ]);
    }
    expect(new Set(plan.map((c) => c.caseId)).size).toBe(plan.length);
    expect(new Set(plan.map((c) => c.contactId)).size).toBe(plan.length);
  });

  it('folds each duplicate into an earlier case still being handled, at the same place', () => {
    for (const duplicate of plan.filter((c) => c.scenario === 'merged')) {
      const master = plan[(duplicate.masterN ?? 0) - 1];
      expect(master?.n).toBeLessThan(duplicate.n);
      expect(['in-progress', 'in-progress-red']).toContain(master?.scenario);
      expect(duplicate).toMatchObject({ address: master?.address, districtId: master?.districtId });
    }
  });

  it('gives the demo accounts’ units a case in each list of their inbox', () => {
    for (const unitId of ['housing-bureau', 'gulou-dongjie']) {
      const theirs = (scenario: DemoScenario) =>
        plan.some(
          (c) =>
            c.scenario === scenario && (scenario === 'returned' ? c.wrongUnitId : c.leadUnitId) === unitId,
        );
      const lists = [
        'dispatched',
        'returned',
        'in-progress',
        'in-progress-yellow',
        'in-progress-red',
        'extension-requested',
        'replied',
      ] as const;
      expect(lists.filter((scenario) => !theirs(scenario))).toEqual([]);
    }
  });

  it('gives callers phone numbers of the unassigned demo range only', () => {
    const phones = plan.flatMap((c) => (c.caller.phone ? [c.caller.phone] : []));
    expect(phones.length).toBeGreaterThan(250);
    expect(phones.every((p) => /^138 0000 \d{4}$/.test(p))).toBe(true);
  });

  it('answers questions at intake citing a knowledge article', () => {
    const answered = plan.filter((c) => c.scenario === 'answered-at-intake');
    expect(answered.every((c) => c.matter.answer?.articleId.startsWith('kb-'))).toBe(true);
  });
});
