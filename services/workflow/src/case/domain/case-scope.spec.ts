import type { CaseCommand, CaseEvent, HotlineError } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, given } from './testing/case-fixtures';

/** The error `decide` throws, as the gateway will map it: kind, code and message. */
function refusal(events: readonly CaseEvent[], command: CaseCommand, actor = actors.unit('taijiang')) {
  const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
  try {
    caseDecider.decide(command, state, caseContext({ actor, now: at('2025-03-04 10:00') }));
  } catch (error) {
    const { kind, code, message, details } = error as HotlineError;
    return { kind, code, message, details };
  }
  throw new Error('the command was accepted');
}

const sign: CaseCommand = { type: 'SignCase', data: { caseId: CASE_ID } };
const reply: CaseCommand = {
  type: 'SubmitCaseReply',
  data: { caseId: CASE_ID, result: '已处理完毕', attachments: [] },
};
const dispatchedToGulou = [given.registered(), given.dispatched()];

describe('case scope: a case outside the caller’s units answers as a case that does not exist', () => {
  it.each([
    ['SignCase', sign],
    ['SubmitCaseReply', reply],
  ])('answers %s on a foreign case exactly as on no case', (_type, command) => {
    const notThere = refusal([], command);
    expect(notThere).toMatchObject({ kind: 'not-found', code: CaseError.NotRegistered });
    expect(refusal(dispatchedToGulou, command)).toEqual(notThere);
  });

  it('lets a unit above the case’s unit act on it as before (oversight), with the rule’s own answer', () => {
    expect(refusal(dispatchedToGulou, sign, actors.unit('city'))).toMatchObject({
      kind: 'rule',
      code: CaseError.NotSignable,
    });
  });

  it('gives a unit that once had the case the rule’s answer, not “not found”', () => {
    const returned = [...dispatchedToGulou, given.returned('gulou')];
    expect(refusal(returned, sign, actors.unit('gulou'))).toMatchObject({
      kind: 'rule',
      code: CaseError.NotSignable,
    });
  });

  it('refuses a role the rules do not allow as forbidden, once the case is in scope', () => {
    expect(refusal(dispatchedToGulou, sign, actors.center)).toMatchObject({
      kind: 'forbidden',
      code: CaseError.RoleNotAllowed,
    });
  });

  it('answers an unknown case as not found for hotline staff too', () => {
    const dispatch: CaseCommand = {
      type: 'DispatchCase',
      data: { caseId: CASE_ID, leadUnitId: 'gulou' } as never,
    };
    expect(refusal([], dispatch, actors.center)).toMatchObject({
      kind: 'not-found',
      code: CaseError.NotRegistered,
    });
  });
});
