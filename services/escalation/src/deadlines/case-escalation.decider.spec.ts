import { systemActor, type Actor } from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import { deciderSpec } from '@hotline/infra/command/testing';
import { caseEscalationDecider } from './case-escalation.decider';
import { CaseEscalationError } from './case-escalation.errors';

const context = (actor: Actor = systemActor('escalation-timers')): DecideContext => ({
  now: new Date('2026-11-03T04:00:00.500Z'),
  actor,
  districtId: 'city',
  commandId: 'fire-1',
});

const fire = {
  type: 'FireDeadlinePoint' as const,
  data: {
    caseId: 'c1',
    point: 'overdue' as const,
    key: 'due:e1',
    dueAt: '2026-11-03T04:00:00.000Z',
    unitId: 'housing',
  },
};

describe("a case's escalation stream", () => {
  const spec = deciderSpec(caseEscalationDecider, () => context());

  it('records a due point the first time it fires', () => {
    spec
      .given([])
      .when(fire)
      .then([{ type: 'CaseDeadlinePointReached', data: fire.data }]);
  });

  it('records nothing when the same point with the same key fires again', () => {
    spec
      .given([{ type: 'CaseDeadlinePointReached', data: fire.data }])
      .when(fire)
      .then([]);
  });

  it('fires the same point again for a new deadline (a new key)', () => {
    spec
      .given([{ type: 'CaseDeadlinePointReached', data: fire.data }])
      .when({ ...fire, data: { ...fire.data, key: 'due:e2' } })
      .then([{ type: 'CaseDeadlinePointReached', data: { ...fire.data, key: 'due:e2' } }]);
  });

  it('refuses a firing from anyone but the platform', () => {
    deciderSpec(caseEscalationDecider, () => context({ id: 'center-1', role: 'center' }))
      .given([])
      .when(fire)
      .thenRejects(CaseEscalationError.RoleNotAllowed);
  });

  it('climbs the repeat ladder one rung per repeat, once each', () => {
    const notice = (repeatCount: number) => ({
      type: 'SendLadderNotice' as const,
      data: { caseId: 'c1', repeatCount, unitId: 'housing' },
    });
    spec
      .given([])
      .when(notice(1))
      .then([
        {
          type: 'RepeatLadderNoticeSent',
          data: { caseId: 'c1', repeatCount: 1, rung: 'unit-head', unitId: 'housing' },
        },
      ]);
    spec
      .given([])
      .when(notice(2))
      .then([
        {
          type: 'RepeatLadderNoticeSent',
          data: { caseId: 'c1', repeatCount: 2, rung: 'unit-top-leader', unitId: 'housing' },
        },
      ]);
    spec
      .given([])
      .when(notice(4))
      .then([
        {
          type: 'RepeatLadderNoticeSent',
          data: { caseId: 'c1', repeatCount: 4, rung: 'city-government', unitId: 'housing' },
        },
      ]);
    spec
      .given([{ type: 'RepeatLadderNoticeSent', data: { caseId: 'c1', repeatCount: 1, rung: 'unit-head' } }])
      .when(notice(1))
      .then([]);
  });
  it('reports an emergency case to the emergency office once, whatever re-dispatches follow', () => {
    const report = {
      type: 'ReportToEmergencyOffice' as const,
      data: {
        caseId: 'c1',
        caseNumber: '26110001',
        categoryCode: '010303',
        matter: '小区燃气管道泄漏，气味很大',
        address: '鼓楼区五四路1号',
        receivedAt: '2026-11-03T01:00:00.000Z',
        dispatchedAt: '2026-11-03T01:02:00.000Z',
        unitId: 'gas',
      },
    };
    spec
      .given([])
      .when(report)
      .then([{ type: 'EmergencyOfficeReported', data: report.data }]);
    spec
      .given([{ type: 'EmergencyOfficeReported', data: report.data }])
      .when({ ...report, data: { ...report.data, unitId: 'housing' } })
      .then([]);
    deciderSpec(caseEscalationDecider, () => context({ id: 'center-1', role: 'center' }))
      .given([])
      .when(report)
      .thenRejects(CaseEscalationError.RoleNotAllowed);
  });
});
