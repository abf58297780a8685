import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () =>
  caseContext({ actor: actors.unit('gulou'), now: at('2025-03-04 10:00') }),
);
const as = (unitId: string, local = '2025-03-04 10:00') => ({ actor: actors.unit(unitId), now: at(local) });

const coHandler = {
  unitId: 'housing-bureau',
  signBy: cst('2025-03-04 12:00'),
  returnBy: cst('2025-03-04 12:00'),
  dueAt: cst('2025-03-14 12:00'),
};
const withCoHandler = [given.registered(), given.dispatched({ coHandlers: [coHandler] })];
const signedByGulou = [given.registered(), given.dispatched(), given.signed()];

describe('case extensions', () => {
  const request = (requestedDueAt: string): CaseCommand => ({
    type: 'RequestCaseExtension',
    data: { caseId: CASE_ID, reason: '需协调住建、城管多部门现场核查', requestedDueAt },
  });
  const requested = (requestedDueAt: string, workingDays: number): CaseEvent => ({
    type: 'CaseExtensionRequested',
    data: {
      caseId: CASE_ID,
      unitId: 'gulou',
      reason: '需协调住建、城管多部门现场核查',
      requestedDueAt,
      workingDays,
    },
  });
  const approve: CaseCommand = { type: 'ApproveCaseExtension', data: { caseId: CASE_ID } };
  const reject: CaseCommand = {
    type: 'RejectCaseExtension',
    data: { caseId: CASE_ID, reason: '理由不充分' },
  };
  const asCenter = { actor: actors.center };

  it('asks for a later deadline in working days', () => {
    spec
      .given(signedByGulou)
      .when(request(cst('2025-03-20 17:30')), as('gulou', '2025-03-10 09:00'))
      .then([requested(cst('2025-03-20 17:30'), 3.5)]);
  });

  it('accepts a request exactly half a working day before the deadline', () => {
    spec
      .given(signedByGulou)
      .when(request(cst('2025-03-31 12:00')), as('gulou', '2025-03-17 08:30'))
      .then([requested(cst('2025-03-31 12:00'), 10)]);
  });

  it('rejects a request later than half a working day before the deadline', () => {
    spec
      .given(signedByGulou)
      .when(request(cst('2025-03-20 17:30')), as('gulou', '2025-03-17 09:00'))
      .thenRejects(CaseError.ExtensionTooLate);
  });

  it('rejects an extension longer than the original limit', () => {
    spec
      .given(signedByGulou)
      .when(request(cst('2025-04-01 12:00')), as('gulou', '2025-03-10 09:00'))
      .thenRejects(CaseError.ExtensionTooLong);
  });

  it('rejects extensions that together exceed the original limit', () => {
    const approved: CaseEvent = {
      type: 'CaseExtensionApproved',
      data: { caseId: CASE_ID, dueAt: cst('2025-03-20 17:30'), workingDays: 3.5 },
    };
    spec
      .given([...signedByGulou, requested(cst('2025-03-20 17:30'), 3.5), approved])
      .when(request(cst('2025-04-01 17:30')), as('gulou', '2025-03-17 09:00'))
      .thenRejects(CaseError.ExtensionTooLong, /3\.5 already granted/);
  });

  it('rejects a requested date that is not later than the deadline', () => {
    spec
      .given(signedByGulou)
      .when(request(cst('2025-03-17 12:00')), as('gulou', '2025-03-10 09:00'))
      .thenRejects(CaseError.ExtensionNotLater);
  });

  it('rejects a second request while one is pending', () => {
    spec
      .given([...signedByGulou, requested(cst('2025-03-20 17:30'), 3.5)])
      .when(request(cst('2025-03-21 17:30')), as('gulou', '2025-03-10 09:00'))
      .thenRejects(CaseError.ExtensionAlreadyPending);
  });

  it('rejects a request by a co-handler or before signing', () => {
    spec
      .given(withCoHandler)
      .when(request(cst('2025-03-20 17:30')), as('gulou'))
      .thenRejects(CaseError.NotExtendable);
    spec
      .given([...withCoHandler, given.signed()])
      .when(request(cst('2025-03-20 17:30')), as('housing-bureau'))
      .thenRejects(CaseError.NotExtendable);
  });

  it('approves the pending request: the requested date becomes the deadline', () => {
    spec
      .given([...signedByGulou, requested(cst('2025-03-20 17:30'), 3.5)])
      .when(approve, asCenter)
      .then([
        {
          type: 'CaseExtensionApproved',
          data: { caseId: CASE_ID, dueAt: cst('2025-03-20 17:30'), workingDays: 3.5 },
        },
      ]);
  });

  it('rejects the pending request', () => {
    spec
      .given([...signedByGulou, requested(cst('2025-03-20 17:30'), 3.5)])
      .when(reject, asCenter)
      .then([{ type: 'CaseExtensionRejected', data: reject.data }]);
  });

  it('rejects a decision when nothing is pending', () => {
    spec.given(signedByGulou).when(approve, asCenter).thenRejects(CaseError.NoPendingExtension);
    spec.given(signedByGulou).when(reject, asCenter).thenRejects(CaseError.NoPendingExtension);
  });

  it('rejects an approval by anyone but the center', () => {
    spec
      .given([...signedByGulou, requested(cst('2025-03-20 17:30'), 3.5)])
      .when(approve, as('gulou'))
      .thenRejects(CaseError.RoleNotAllowed);
  });
});
