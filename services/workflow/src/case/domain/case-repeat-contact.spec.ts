import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, caseContext, completedCase, given } from './testing/case-fixtures';

const spec = deciderSpec(caseDecider, () => caseContext({ actor: actors.system }));

const repeat = (contactId: string, automatic = false): CaseCommand => ({
  type: 'RecordCaseRepeatContact',
  data: { caseId: CASE_ID, contactId, automatic },
});
const recorded = (contactId: string, repeatCount: number, automatic = false): CaseEvent => ({
  type: 'CaseRepeatContactRecorded',
  data: { caseId: CASE_ID, contactId, repeatCount, automatic },
});

describe('repeat contacts on the case (并单 at intake)', () => {
  it('counts the first repeat contact', () => {
    spec
      .given([given.registered(), given.dispatched()])
      .when(repeat('contact-7', true))
      .then([recorded('contact-7', 1, true)]);
  });

  it('counts each further contact one higher', () => {
    spec
      .given([given.registered(), recorded('contact-7', 1), recorded('contact-8', 2)])
      .when(repeat('contact-9'))
      .then([recorded('contact-9', 3)]);
  });

  it('counts a contact once: the same contact delivered again changes nothing', () => {
    spec
      .given([given.registered(), recorded('contact-7', 1), recorded('contact-8', 2)])
      .when(repeat('contact-7'))
      .then([]);
  });

  it('counts a repeat on a closed case too: the citizen still called again', () => {
    spec
      .given([...completedCase(), given.callback(false), { type: 'CaseClosed', data: { caseId: CASE_ID } }])
      .when(repeat('contact-7'))
      .then([recorded('contact-7', 1)]);
  });

  it('rejects a case that was never registered', () => {
    spec.given([]).when(repeat('contact-7')).thenRejects(CaseError.NotRegistered);
  });

  it('rejects a unit user on the case', () => {
    spec
      .given([given.registered(), given.dispatched()])
      .when(repeat('contact-7'), { actor: actors.unit('gulou') })
      .thenRejects(CaseError.RoleNotAllowed);
  });

  it('keeps the count in the state for the escalation ladder', () => {
    const state = [given.registered(), recorded('contact-7', 1), recorded('contact-8', 2)].reduce(
      caseDecider.evolve,
      caseDecider.initialState(),
    );
    expect(state).toMatchObject({ repeatContactIds: ['contact-7', 'contact-8'] });
  });
});
