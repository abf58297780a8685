import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, completedCase, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () => caseContext());
const asCenter = { actor: actors.center };

describe('case dispatch to fallback and sub-units, and leaders', () => {
  describe('DispatchCaseToFallbackUnit', () => {
    const toFallback = (
      reason: 'repeated-returns' | 'no-catalogue-match',
      unitId = 'fallback-office',
    ): CaseCommand => ({
      type: 'DispatchCaseToFallbackUnit',
      data: { caseId: CASE_ID, unitId, reason },
    });
    const fallbackPlan = (reason: 'repeated-returns' | 'no-catalogue-match'): CaseEvent => {
      // The fallback office is a city unit: no sub-dispatch window.
      const { subDispatchBy: _none, ...lead } = given.dispatched().data.lead;
      return {
        type: 'CaseDispatchedToFallbackUnit',
        data: { ...given.dispatched().data, lead: { ...lead, unitId: 'fallback-office' }, reason },
      };
    };
    const returnedTwice = [
      given.registered(),
      given.dispatched(),
      given.returned('gulou'),
      given.redispatched('taijiang', 'gulou'),
      given.returned('taijiang'),
    ];

    it('sends a case no catalogue entry matches to the fallback unit', () => {
      spec
        .given([given.registered()])
        .when(toFallback('no-catalogue-match'))
        .then([fallbackPlan('no-catalogue-match')]);
    });

    it('sends a case returned twice to the fallback unit', () => {
      spec
        .given(returnedTwice)
        .when(toFallback('repeated-returns'))
        .then([fallbackPlan('repeated-returns')]);
    });

    it('rejects the fallback for repeated returns after a single return', () => {
      spec
        .given(returnedTwice.slice(0, 3))
        .when(toFallback('repeated-returns'))
        .thenRejects(CaseError.FallbackNotAllowed, /after 2 returns; it has had 1/);
    });

    it('rejects a unit that is not a fallback unit', () => {
      spec
        .given(returnedTwice)
        .when(toFallback('repeated-returns', 'taijiang'))
        .thenRejects(CaseError.NotFallbackUnit);
    });

    it('rejects the fallback while a unit handles the case', () => {
      spec
        .given([given.registered(), given.dispatched(), given.signed()])
        .when(toFallback('no-catalogue-match'))
        .thenRejects(CaseError.FallbackNotAllowed);
    });
  });

  describe('SubDispatchCase', () => {
    const dispatchedToGulouMonday21 = given.dispatched({
      lead: { ...given.dispatched().data.lead, subDispatchBy: cst('2025-03-04 21:00') },
    });
    const signedByGulou = [given.registered(), dispatchedToGulouMonday21, given.signed('gulou')];
    const subDispatch = (toUnitId: string): CaseCommand => ({
      type: 'SubDispatchCase',
      data: { caseId: CASE_ID, toUnitId },
    });
    const asGulou = { actor: actors.unit('gulou'), now: at('2025-03-04 09:00') };
    const subDispatched = (fromUnitId: string, toUnitId: string, signBy = '2025-03-05 12:00'): CaseEvent => ({
      type: 'CaseSubDispatched',
      data: { caseId: CASE_ID, fromUnitId, toUnitId, signBy: cst(signBy), returnBy: cst(signBy) },
    });

    it('lets a district office pass a signed case to its street office', () => {
      spec
        .given(signedByGulou)
        .when(subDispatch('gulou-dongjie'), asGulou)
        .then([subDispatched('gulou', 'gulou-dongjie')]);
    });

    it('lets the street office pass it on to a community once it has signed', () => {
      spec
        .given([...signedByGulou, subDispatched('gulou', 'gulou-dongjie'), given.signed('gulou-dongjie')])
        .when(subDispatch('gulou-dongjie-sanfang'), { ...asGulou, actor: actors.unit('gulou-dongjie') })
        .then([subDispatched('gulou-dongjie', 'gulou-dongjie-sanfang')]);
    });

    it('rejects a district office passing the case on after its 12-hour window', () => {
      spec
        .given(signedByGulou)
        .when(subDispatch('gulou-dongjie'), { ...asGulou, now: at('2025-03-04 21:01') })
        .thenRejects(CaseError.SubDispatchWindowClosed, /within 12 hours, until 2025-03-04T13:00:00.000Z/);
    });

    it('accepts the sub-dispatch at the last moment of the window', () => {
      spec
        .given(signedByGulou)
        .when(subDispatch('gulou-dongjie'), { ...asGulou, now: at('2025-03-04 21:00') })
        .then([subDispatched('gulou', 'gulou-dongjie', '2025-03-05 17:30')]);
    });

    it('gives a street office no window: it passes the case to a community days later', () => {
      spec
        .given([...signedByGulou, subDispatched('gulou', 'gulou-dongjie'), given.signed('gulou-dongjie')])
        .when(subDispatch('gulou-dongjie-sanfang'), {
          actor: actors.unit('gulou-dongjie'),
          now: at('2025-03-07 09:00'),
        })
        .then([subDispatched('gulou-dongjie', 'gulou-dongjie-sanfang', '2025-03-10 12:00')]);
    });

    it('rejects a unit outside the office’s own hierarchy', () => {
      spec
        .given(signedByGulou)
        .when(subDispatch('taijiang'), asGulou)
        .thenRejects(CaseError.NotSubordinateUnit, /^toUnitId: /);
    });

    it('rejects sub-dispatching before signing', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(subDispatch('gulou-dongjie'), asGulou)
        .thenRejects(CaseError.NotSubDispatchable);
    });

    it('answers sub-dispatching by a unit the case was never given as if the case did not exist', () => {
      spec
        .given(signedByGulou)
        .when(subDispatch('gulou-dongjie'), { actor: actors.unit('taijiang') })
        .thenRejects(CaseError.NotRegistered);
    });

    it('rejects sub-dispatching while an extension waits for the center', () => {
      const pending: CaseEvent = {
        type: 'CaseExtensionRequested',
        data: {
          caseId: CASE_ID,
          unitId: 'gulou',
          reason: '需协调多部门',
          requestedDueAt: cst('2025-03-20 17:30'),
          workingDays: 3,
        },
      };
      spec
        .given([...signedByGulou, pending])
        .when(subDispatch('gulou-dongjie'), asGulou)
        .thenRejects(CaseError.ExtensionAlreadyPending);
    });
  });

  describe('ReportCaseToLeader and RecordLeaderInstruction', () => {
    const report: CaseCommand = {
      type: 'ReportCaseToLeader',
      data: { caseId: CASE_ID, summary: '涉及群体性噪声投诉' },
    };
    const instruct: CaseCommand = {
      type: 'RecordLeaderInstruction',
      data: { caseId: CASE_ID, instruction: '请区政府三日内办结' },
    };

    it('reports a case to the leaders once', () => {
      spec
        .given([given.registered()])
        .when(report)
        .then([{ type: 'CaseReportedToLeader', data: report.data }]);
      spec
        .given([given.registered(), { type: 'CaseReportedToLeader', data: report.data }])
        .when(report)
        .thenRejects(CaseError.AlreadyReportedToLeader);
    });

    it('rejects reporting a declined case', () => {
      const declined: CaseEvent = {
        type: 'CaseDeclined',
        data: { caseId: CASE_ID, reason: 'in-legal-proceedings', explanation: '已进入诉讼程序' },
      };
      spec.given([given.registered(), declined]).when(report).thenRejects(CaseError.NotReportable);
    });

    it("records a leader's instruction, even on a closed case", () => {
      spec
        .given([...completedCase(), given.callback(false), { type: 'CaseClosed', data: { caseId: CASE_ID } }])
        .when(instruct, { actor: actors.leader })
        .then([{ type: 'CaseLeaderInstructionRecorded', data: instruct.data }]);
    });

    it('rejects an instruction written by anyone but a leader', () => {
      spec.given([given.registered()]).when(instruct, asCenter).thenRejects(CaseError.RoleNotAllowed);
    });
  });
});
