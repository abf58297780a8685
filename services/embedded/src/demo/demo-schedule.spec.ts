import { DEFAULT_DEADLINE_POLICY, caseColour, chinaWorkingCalendar, handlingLimit } from '@hotline/contracts';
import { planDemoCity } from './demo-plan';
import { scheduleCase } from './demo-schedule';

const calendar = chinaWorkingCalendar();
const policy = DEFAULT_DEADLINE_POLICY;
const plan = planDemoCity();
const TARGET = { 'in-progress': 'green', 'in-progress-yellow': 'yellow', 'in-progress-red': 'red' } as const;

describe.each([
  ['a Monday morning', '2026-11-30T01:30:00Z'],
  ['a Saturday evening', '2026-11-28T12:00:00Z'],
  ['the eve of the National Day holiday', '2026-09-30T09:30:00Z'],
])('scheduleCase on %s', (_, iso) => {
  const now = new Date(iso);
  const context = { now, calendar, policy };

  it('places every milestone in order, within the last 31 days and before now', () => {
    for (const demo of plan) {
      const times = scheduleCase(
        demo,
        context,
        demo.masterN ? new Date(now.getTime() - 5 * 86_400_000) : undefined,
      );
      const ms = times.map((t) => t.getTime());
      expect(ms).toHaveLength(demo.path.length);
      expect(ms).toEqual([...ms].sort((a, b) => a - b));
      expect(Math.max(...ms)).toBeLessThan(now.getTime());
      expect(Math.min(...ms)).toBeGreaterThan(now.getTime() - 31 * 86_400_000);
    }
  });

  it('has units and the center act in office hours', () => {
    const unitSteps = plan.flatMap((demo) => {
      const times = scheduleCase(demo, context);
      return demo.path.flatMap((m, i) =>
        ['sign', 'reply', 'accept', 'close'].includes(m) ? [times[i] as Date] : [],
      );
    });
    const inHours = unitSteps.filter((at) => calendar.isWorkingTime(at));
    expect(inHours.length / unitSteps.length).toBeGreaterThan(0.75);
  });

  it('dispatches cases in progress so that their deadline shows the planned colour now', () => {
    for (const demo of plan) {
      const target = TARGET[demo.scenario as keyof typeof TARGET] as string | undefined;
      if (!target) continue;
      const dispatchedAt = scheduleCase(demo, context)[demo.path.indexOf('dispatch')] as Date;
      const limit = handlingLimit(policy, {
        type: demo.type,
        urgency: 'normal',
        simple: false,
        convenienceList: ['010102', '010103', '010301', '010302', '020201', '030201'].includes(
          demo.matter.categoryCode,
        ),
      });
      const dueAt = calendar.addWorkingDays(dispatchedAt, limit);
      expect([demo.caseId, caseColour(policy, calendar, { now, dueAt })]).toEqual([demo.caseId, target]);
    }
  });
});
