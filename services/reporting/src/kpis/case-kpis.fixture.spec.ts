import type { QueryViewer } from '@hotline/contracts';
import { caseCountersProjection } from '../counters/case-counters.projection';
import { reportingUnitsProjection } from '../counters/units.projection';
import { KpiReportService, type ReportRow } from '../reports/kpi-report.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CaseHistory, bj, project } from '../testing/case-history';

const center: QueryViewer = { actor: { id: 'center-1', role: 'center' }, districtId: 'city' };
const november = { from: '2026-11-01', to: '2026-11-30' };

/**
 * November 2026 in 鼓楼区, worked out by hand (docs/reporting.md has the formulas):
 * A dispatched, signed and completed on time, called back satisfied — the callback recorded on 5 December.
 * B dispatched late, signed late, completed late, dissatisfied on efficiency, redone, called again.
 * C answered at intake. D not accepted. E merged into A. F dispatched to U2, returned, re-dispatched to U1.
 * G registered at 00:30 Beijing time on 2 November (16:30 UTC on the 1st) and answered at intake.
 * H dispatched to U2, signed and completed on time, closed without callback (anonymous).
 * O registered in October (the 环比 period).
 */
function november2026(): CaseHistory {
  const h = new CaseHistory('gulou');
  h.add('UnitRegistered', bj('2026-10-01 08:00'), {
    unitId: 'U1',
    name: '区住建局',
    level: 'district',
    fallback: false,
    contacts: [],
  });
  h.add('UnitRegistered', bj('2026-10-01 08:00'), {
    unitId: 'U2',
    name: '东街街道',
    level: 'street',
    fallback: false,
    contacts: [],
  });
  h.registered('O', '2026-10-15 10:00');
  h.registered('A', '2026-11-02 09:00').dispatched(
    'A',
    '2026-11-02 10:00',
    'U1',
    '2026-11-03 10:00',
    '2026-11-09 18:00',
  );
  h.registered('B', '2026-11-02 09:30').dispatched(
    'B',
    '2026-11-04 10:00',
    'U1',
    '2026-11-05 10:00',
    '2026-11-12 18:00',
  );
  h.registered('C', '2026-11-02 10:00').add('CaseAnsweredAtIntake', bj('2026-11-02 10:05'), {
    caseId: 'C',
    answer: '已答复',
  });
  h.registered('D', '2026-11-02 10:30').add('CaseDeclined', bj('2026-11-02 10:35'), {
    caseId: 'D',
    reason: 'litigation',
  });
  h.registered('E', '2026-11-02 11:00').add('CaseMerged', bj('2026-11-02 11:05'), {
    caseId: 'E',
    masterCaseId: 'A',
  });
  h.registered('F', '2026-11-02 11:30').dispatched(
    'F',
    '2026-11-02 12:00',
    'U2',
    '2026-11-03 12:00',
    '2026-11-09 18:00',
  );
  h.add('CaseReturned', bj('2026-11-02 15:00'), {
    caseId: 'F',
    unitId: 'U2',
    role: 'lead',
    reason: 'not-ours',
  });
  h.dispatched('F', '2026-11-03 09:00', 'U1', '2026-11-04 09:00', '2026-11-10 18:00', 'CaseRedispatched');
  h.add('CaseRegistered', '2026-11-01T16:30:00.000Z', {
    caseId: 'G',
    caseNumber: '26110007',
    type: 'consult',
    categoryCode: '010101',
    channel: 'phone',
    content: '咨询路灯维修电话',
    urgency: 'normal',
    dispatchBy: '2026-11-02T16:30:00.000Z',
  });
  h.add('CaseAnsweredAtIntake', '2026-11-01T16:35:00.000Z', { caseId: 'G', answer: '已答复' });
  h.registered('H', '2026-11-02 13:00').dispatched(
    'H',
    '2026-11-02 14:00',
    'U2',
    '2026-11-03 14:00',
    '2026-11-09 18:00',
  );
  h.add('CaseSigned', bj('2026-11-02 15:00'), { caseId: 'A', unitId: 'U1', role: 'lead' });
  h.add('CaseSigned', bj('2026-11-02 16:00'), { caseId: 'H', unitId: 'U2', role: 'lead' });
  h.add('CaseReplied', bj('2026-11-04 10:00'), { caseId: 'H', unitId: 'U2', result: '已修复' });
  h.add('CaseCompleted', bj('2026-11-04 11:00'), { caseId: 'H' });
  h.add('CaseClosed', bj('2026-11-04 12:00'), { caseId: 'H', callbackWaiver: 'anonymous' });
  h.add('CaseReplied', bj('2026-11-05 10:00'), { caseId: 'A', unitId: 'U1', result: '已修复' });
  h.add('CaseCompleted', bj('2026-11-06 10:00'), { caseId: 'A' });
  h.add('CaseSigned', bj('2026-11-06 09:00'), { caseId: 'B', unitId: 'U1', role: 'lead' });
  h.add('CaseRepeatContactRecorded', bj('2026-11-08 09:00'), {
    caseId: 'B',
    contactId: 'k1',
    repeatCount: 1,
    automatic: true,
  });
  h.add('CaseDeadlinePointReached', bj('2026-11-12 18:00'), { caseId: 'B', point: 'overdue', unitId: 'U1' });
  h.add('ReminderSent', bj('2026-11-12 18:05'), { caseId: 'B', unitId: 'U1' });
  h.add('ReminderSent', bj('2026-11-13 09:00'), { caseId: 'B', unitId: 'U1' });
  h.add('SupervisionOpened', bj('2026-11-13 09:30'), { caseId: 'B', unitId: 'U1' });
  h.add('CaseCompleted', bj('2026-11-13 10:00'), { caseId: 'B' });
  h.callback('B', '2026-11-14 10:00', 'dissatisfied', 'satisfied', 'basically-satisfied');
  h.dispatched('B', '2026-11-14 11:00', 'U1', '2026-11-15 11:00', '2026-11-20 18:00', 'CaseRedone');
  h.events.at(-1)!.data = {
    ...(h.events.at(-1)!.data as object),
    reason: '重办',
    redoCount: 1,
    underSupervision: false,
  };
  h.callback('B', '2026-11-21 10:00', 'satisfied', 'satisfied', 'satisfied');
  h.callback('A', '2026-12-05 10:00', 'satisfied', 'satisfied', 'satisfied');
  h.add('CaseClosed', bj('2026-12-05 10:01'), { caseId: 'A' });
  return h;
}

const kpi = (row: ReportRow, key: string) => {
  const found = row.kpis.find((entry) => entry.key === key);
  return found && { numerator: found.numerator, denominator: found.denominator };
};

describe('case KPIs, from a hand-worked November', () => {
  let reports: KpiReportService;
  let scorecards: ScorecardsService;

  beforeAll(async () => {
    const store = await project(november2026().events, [
      caseCountersProjection(),
      reportingUnitsProjection(),
    ]);
    reports = new KpiReportService(store);
    scorecards = new ScorecardsService(store);
  });

  it("gives the center's KPIs with their numerators and denominators", async () => {
    const { totals } = await reports.kpiReport({ viewer: center, ...november, compare: false });
    expect(totals.counters.received).toBe(8);
    expect(kpi(totals, 'dispatchOnTime')).toEqual({ numerator: 3, denominator: 4 });
    expect(kpi(totals, 'onTimeCompletion')).toEqual({ numerator: 2, denominator: 3 });
    // (3 completed + 2 answered at intake) ÷ (8 received − 1 merged − 1 not accepted)
    expect(kpi(totals, 'completion')).toEqual({ numerator: 5, denominator: 6 });
    expect(kpi(totals, 'firstContactResolution')).toEqual({ numerator: 2, denominator: 6 });
    // A and B called back; H closed without callback is not owed one.
    expect(kpi(totals, 'callbackRate')).toEqual({ numerator: 2, denominator: 2 });
    // The first callback decides: B's second (satisfied) callback does not turn it round.
    expect(kpi(totals, 'satisfaction')).toEqual({ numerator: 1, denominator: 2 });
    expect(kpi(totals, 'processSatisfaction')).toEqual({ numerator: 1, denominator: 2 });
    expect(kpi(totals, 'resultSatisfaction')).toEqual({ numerator: 2, denominator: 2 });
    expect(kpi(totals, 'beijingResponse')).toEqual({ numerator: 2, denominator: 5 });
    expect(kpi(totals, 'returnRate')).toEqual({ numerator: 1, denominator: 5 });
    expect(kpi(totals, 'redoRate')).toEqual({ numerator: 1, denominator: 3 });
    expect(kpi(totals, 'repeatContactRate')).toEqual({ numerator: 1, denominator: 6 });
    // The escalation service's events: B went overdue, was reminded twice (one case) and supervised.
    expect(kpi(totals, 'overdueRate')).toEqual({ numerator: 1, denominator: 4 });
    expect(kpi(totals, 'supervisionRate')).toEqual({ numerator: 1, denominator: 4 });
    expect(totals.counters.reminded).toBe(1);
    expect(totals.kpis.find((entry) => entry.key === 'dispatchOnTime')?.value).toBe(0.75);
  });

  it('counts a callback recorded in December in November, the period its case belongs to', async () => {
    const december = await reports.kpiReport({
      viewer: center,
      from: '2026-12-01',
      to: '2026-12-31',
      compare: false,
    });
    expect(december.totals.counters.evaluated).toBe(0);
    const { totals } = await reports.kpiReport({ viewer: center, ...november, compare: false });
    expect(totals.counters.evaluated).toBe(2);
  });

  it('counts a case in its Beijing day: 00:30 on the 2nd is the 2nd, not the 1st in UTC', async () => {
    const byDay = await reports.kpiReport({ viewer: center, ...november, groupBy: 'day', compare: false });
    expect(byDay.rows.map((row) => [row.key, row.counters.received])).toEqual([['2026-11-02', 8]]);
  });

  it('measures a unit against the cases assigned to it', async () => {
    const { totals } = await reports.kpiReport({ viewer: center, ...november, unitId: 'U1', compare: false });
    expect(totals.counters.assigned).toBe(3);
    expect(kpi(totals, 'completion')).toEqual({ numerator: 2, denominator: 3 });
    expect(kpi(totals, 'beijingResponse')).toEqual({ numerator: 1, denominator: 3 });
  });

  it('breaks down by unit (the center keeps what no unit held) and compares with the periods before', async () => {
    const report = await reports.kpiReport({ viewer: center, ...november, groupBy: 'unit', compare: true });
    expect(report.rows.map((row) => [row.key, row.counters.assigned])).toEqual([
      ['-', 0],
      ['U1', 3],
      ['U2', 2],
    ]);
    expect(report.periodOnPeriod).toMatchObject({ from: '2026-10-02', to: '2026-10-31' });
    expect(report.periodOnPeriod?.counters.received).toBe(1);
    expect(report.yearOnYear).toMatchObject({ from: '2025-11-01', to: '2025-11-30' });
    expect(report.yearOnYear?.counters.received).toBe(0);
  });

  it('scores units on the 100-point assessment and ranks them', async () => {
    const { units } = await scorecards.scorecards({ viewer: center, ...november });
    // U2: 15×½ + 10×(1−½) + 30×1 + 10×1 + 30 (no callback: full) + 5×1 = 87.5
    // U1: 15×⅓ + 10×1 + 30×½ + 10×½ + 30×½ + 5×(1−⅓) = 53.3
    expect(units.map((unit) => [unit.name, unit.score, unit.rank])).toEqual([
      ['东街街道', 87.5, 1],
      ['区住建局', 53.3, 2],
    ]);
  });

  it('lists the cases behind a counter (the drill-down)', async () => {
    const { cases } = await reports.cases({
      viewer: center,
      ...november,
      unitId: 'U1',
      metric: 'dissatisfied',
      limit: 10,
      withTotal: false,
    });
    expect(cases.map((fact) => fact._id)).toEqual(['B']);
  });

  it('refuses a reversed range, a range over the limit and an unknown counter, naming the field', async () => {
    await expect(
      reports.kpiReport({ viewer: center, from: '2026-11-30', to: '2026-11-01', compare: false }),
    ).rejects.toMatchObject({
      field: 'to',
    });
    await expect(
      reports.kpiReport({ viewer: center, from: '2000-01-01', to: '2026-11-01', compare: false }),
    ).rejects.toMatchObject({
      field: 'to',
    });
    await expect(
      reports.cases({ viewer: center, ...november, metric: 'nonsense', limit: 10, withTotal: false }),
    ).rejects.toMatchObject({
      field: 'metric',
    });
  });

  it("keeps a unit's staff to their unit and a district's staff to their district", async () => {
    const unitViewer: QueryViewer = {
      actor: { id: 'u', role: 'unit-handler', unitId: 'U2' },
      districtId: 'gulou',
    };
    const { totals } = await reports.kpiReport({ viewer: unitViewer, ...november, compare: false });
    expect(totals.counters.assigned).toBe(2);
    await expect(
      reports.kpiReport({ viewer: unitViewer, ...november, unitId: 'U1', compare: false }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const other: QueryViewer = { actor: { id: 'd', role: 'district-admin' }, districtId: 'taijiang' };
    expect(
      (await reports.kpiReport({ viewer: other, ...november, compare: false })).totals.counters.received,
    ).toBe(0);
  });
});
