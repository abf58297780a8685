import { chinaTime, chinaWorkingCalendar, formatChinaTime } from '../../kernel/calendar';
import { caseColour } from './case-colour';
import {
  DEFAULT_DEADLINE_POLICY,
  dispatchDeadlines,
  handlingLimit,
  resolveDeadlinePolicy,
} from './deadline-policy';
import { checkExtension } from './extension-rule';

const calendar = chinaWorkingCalendar();
const policy = DEFAULT_DEADLINE_POLICY;
const profile = {
  type: 'complaint' as const,
  urgency: 'normal' as const,
  simple: false,
  convenienceList: false,
};

describe('deadline policy', () => {
  it.each([
    [{ type: 'consult' }, 2],
    [{ type: 'complaint' }, 10],
    [{ type: 'complaint', convenienceList: true }, 3],
    [{ type: 'suggestion', convenienceList: true }, 5],
    [{ type: 'help' }, 3],
    [{ type: 'report' }, 15],
    [{ type: 'praise' }, 5],
    [{ type: 'complaint', urgency: 'urgent' }, 0],
    [{ type: 'consult', simple: true }, 0],
  ] as const)('gives %o a limit of %s working days (Fujian defaults)', (overrides, limit) => {
    expect(handlingLimit(policy, { ...profile, ...overrides })).toBe(limit);
  });

  it('computes the deadlines of a dispatch on working days across National Day', () => {
    const due = dispatchDeadlines(policy, calendar, chinaTime('2025-09-30', '15:00'), {
      ...profile,
      type: 'consult',
    });
    expect(formatChinaTime(due.signBy)).toBe('2025-10-09 17:30');
    expect(formatChinaTime(due.dueAt)).toBe('2025-10-10 17:30');
    expect(formatChinaTime(due.coHandlerDueAt)).toBe('2025-10-09 17:30');
  });

  it('never lets a same-day case be signed after its deadline', () => {
    const due = dispatchDeadlines(policy, calendar, chinaTime('2025-03-03', '15:00'), {
      ...profile,
      urgency: 'urgent',
    });
    expect(formatChinaTime(due.dueAt)).toBe('2025-03-03 17:30');
    expect(due.signBy).toEqual(due.dueAt);
    expect(due.returnBy).toEqual(due.dueAt);
  });

  it("takes a city's overrides and rejects bad values naming the field", () => {
    expect(resolveDeadlinePolicy({ limits: { consult: 5, complaint: 15 } }).limits).toMatchObject({
      consult: 5,
      complaint: 15,
      help: 3,
    });
    expect(() => resolveDeadlinePolicy({ limits: { complaint: 10.3 } })).toThrow(
      /^deadlines\.limits\.complaint: must be a multiple of 0\.5/,
    );
    expect(() => resolveDeadlinePolicy({ yellowWithin: -1 })).toThrow(/^deadlines\.yellowWithin: /);
  });
});

describe('caseColour', () => {
  const dueAt = chinaTime('2025-03-17', '12:00');
  it.each([
    ['2025-03-13', '09:00', 'green'],
    ['2025-03-14', '14:00', 'yellow'],
    ['2025-03-17', '11:00', 'yellow'],
    ['2025-03-17', '12:01', 'red'],
  ])('is %s %s → %s with one working day as the yellow threshold', (date, time, colour) => {
    expect(caseColour(policy, calendar, { now: chinaTime(date, time), dueAt })).toBe(colour);
  });

  it('stays green for a case replied in time and is red for a late reply', () => {
    const now = chinaTime('2025-04-01', '09:00');
    expect(caseColour(policy, calendar, { now, dueAt, completedAt: chinaTime('2025-03-17', '11:00') })).toBe(
      'green',
    );
    expect(caseColour(policy, calendar, { now, dueAt, completedAt: chinaTime('2025-03-17', '15:00') })).toBe(
      'red',
    );
  });

  it('uses the configured yellow threshold', () => {
    const wide = resolveDeadlinePolicy({ yellowWithin: 3 });
    expect(caseColour(wide, calendar, { now: chinaTime('2025-03-12', '12:00'), dueAt })).toBe('yellow');
  });
});

describe('checkExtension', () => {
  const base = { dueAt: chinaTime('2025-03-17', '12:00'), limitWorkingDays: 10, extendedWorkingDays: 0 };

  it('measures the extension in working days, skipping the weekend', () => {
    const verdict = checkExtension(policy, calendar, {
      ...base,
      now: chinaTime('2025-03-10', '09:00'),
      requestedDueAt: chinaTime('2025-03-18', '17:30'),
    });
    expect(verdict).toEqual({ allowed: true, workingDays: 1.5 });
  });

  it('rejects a date that adds no working time, e.g. the same evening', () => {
    const verdict = checkExtension(policy, calendar, {
      ...base,
      now: chinaTime('2025-03-10', '09:00'),
      requestedDueAt: chinaTime('2025-03-17', '13:00'),
    });
    expect(verdict).toMatchObject({ allowed: false, rule: 'not-later' });
  });

  it('counts the notice in working time: Friday evening is too late for a Monday-morning deadline', () => {
    const verdict = checkExtension(policy, calendar, {
      ...base,
      dueAt: chinaTime('2025-03-17', '10:00'),
      now: chinaTime('2025-03-14', '18:00'),
      requestedDueAt: chinaTime('2025-03-20', '17:30'),
    });
    expect(verdict).toMatchObject({ allowed: false, rule: 'too-late' });
  });
});
