import type { CaseCommand } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, caseContext, given } from './testing/case-fixtures';

/** The case was registered in gulou: its stream's first event says so (`streamDistrictId`). */
const spec = deciderSpec(caseDecider, () => caseContext({ actor: actors.agent, streamDistrictId: 'gulou' }));
const dispatch: CaseCommand = {
  type: 'DispatchCase',
  data: { caseId: CASE_ID, leadUnitId: 'gulou', coHandlers: [] },
};

describe('the district rule: a case belongs to the district it was registered in', () => {
  it('lets hotline staff of that district act on it', () => {
    expect(
      caseDecider.decide(
        dispatch,
        caseDecider.evolve(caseDecider.initialState(), given.registered()),
        caseContext({ streamDistrictId: 'gulou' }),
      ),
    ).toMatchObject([{ type: 'CaseDispatched' }]);
  });

  it('refuses hotline staff of another district', () => {
    spec
      .given([given.registered()])
      .when(dispatch, { districtId: 'taijiang' })
      .thenRejects(CaseError.OutsideDistrict, /belongs to district gulou; district taijiang/);
  });

  it('lets the city-wide tenant act on a case of any district', () => {
    expect(
      caseDecider.decide(
        dispatch,
        caseDecider.evolve(caseDecider.initialState(), given.registered()),
        caseContext({ districtId: 'city', streamDistrictId: 'gulou' }),
      ),
    ).toMatchObject([{ type: 'CaseDispatched' }]);
  });

  it('leaves a unit user to the unit scope, wherever the case was registered', () => {
    spec
      .given([given.registered(), given.dispatched()])
      .when(
        { type: 'SignCase', data: { caseId: CASE_ID } },
        {
          actor: actors.unit('gulou'),
          districtId: 'taijiang',
        },
      )
      .then([expect.objectContaining({ type: 'CaseSigned' }) as never]);
  });

  it('refuses a repeated registration from another district as outside it, not as a second case', () => {
    spec
      .given([given.registered()])
      .when({ type: 'RegisterCase', data: given.registered().data } as unknown as CaseCommand, {
        districtId: 'taijiang',
      })
      .thenRejects(CaseError.OutsideDistrict);
  });

  it('has no district to check on a new stream', () => {
    expect(() =>
      caseDecider.decide(dispatch, caseDecider.initialState(), caseContext({ districtId: 'taijiang' })),
    ).toThrow(expect.objectContaining({ code: CaseError.NotRegistered }) as Error);
  });
});
