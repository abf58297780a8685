import type { CaseCommand } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () => caseContext());
const asCenter = { actor: actors.center };

const dispatch = (
  leadUnitId: string,
  coHandlers: Array<{ unitId: string; dueAt?: string }> = [],
  type: 'DispatchCase' | 'RedispatchCase' = 'DispatchCase',
): CaseCommand => ({ type, data: { caseId: CASE_ID, leadUnitId, coHandlers } });

/** Deadlines of a dispatch on Monday 3 March 2025 at 09:00. */
const MONDAY = {
  signBy: cst('2025-03-04 12:00'),
  returnBy: cst('2025-03-04 12:00'),
  dueAt: cst('2025-03-17 12:00'),
  coHandlerDueAt: cst('2025-03-14 12:00'),
};
const DISTRICTS = new Set(['gulou', 'taijiang']);
/** A district office as lead also gets 12 hours from the dispatch to pass the case on. */
const lead = (unitId: string, d = MONDAY, dispatchedAt = '2025-03-03 21:00') => ({
  unitId,
  signBy: d.signBy,
  returnBy: d.returnBy,
  ...(DISTRICTS.has(unitId) ? { subDispatchBy: cst(dispatchedAt) } : {}),
});

describe('case dispatch', () => {
  describe('DispatchCase', () => {
    it('dispatches to a lead and co-handlers with deadlines on working days', () => {
      spec
        .given([given.registered()])
        .when(
          dispatch('gulou', [
            { unitId: 'housing-bureau' },
            { unitId: 'market-bureau', dueAt: cst('2025-03-12 17:30') },
          ]),
        )
        .then([
          {
            type: 'CaseDispatched',
            data: {
              caseId: CASE_ID,
              lead: lead('gulou'),
              coHandlers: [
                { ...lead('housing-bureau'), dueAt: MONDAY.coHandlerDueAt },
                { ...lead('market-bureau'), dueAt: cst('2025-03-12 17:30') },
              ],
              dueAt: MONDAY.dueAt,
              limitWorkingDays: 10,
            },
          },
        ]);
    });

    it('gives an urgent case same-day deadlines, signing included', () => {
      const sameDay = { signBy: cst('2025-03-03 17:30'), returnBy: cst('2025-03-03 17:30') };
      spec
        .given([given.registered({ urgency: 'urgent' })])
        .when(dispatch('gulou'))
        .then([
          {
            type: 'CaseDispatched',
            data: {
              caseId: CASE_ID,
              lead: { unitId: 'gulou', ...sameDay, subDispatchBy: cst('2025-03-03 21:00') },
              coHandlers: [],
              dueAt: sameDay.signBy,
              limitWorkingDays: 0,
            },
          },
        ]);
    });

    it('gives a convenience-list complaint three working days', () => {
      spec
        .given([given.registered({ categoryCode: '010102', convenienceList: true })])
        .when(dispatch('gulou'))
        .then([
          {
            type: 'CaseDispatched',
            data: {
              caseId: CASE_ID,
              lead: lead('gulou'),
              coHandlers: [],
              dueAt: cst('2025-03-06 12:00'),
              limitWorkingDays: 3,
            },
          },
        ]);
    });

    it('rejects dispatching a case twice', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(dispatch('taijiang'))
        .thenRejects(CaseError.NotDispatchable);
    });

    it('rejects an unknown lead unit, naming the field', () => {
      spec
        .given([given.registered()])
        .when(dispatch('nowhere'))
        .thenRejects(CaseError.UnknownUnit, /^leadUnitId: /);
    });

    it('rejects an inactive co-handler, naming the field', () => {
      spec
        .given([given.registered()])
        .when(dispatch('gulou', [{ unitId: 'retired-unit' }]))
        .thenRejects(CaseError.UnitInactive, /^coHandlers\.0\.unitId: /);
    });

    it('rejects the lead named again as co-handler', () => {
      spec
        .given([given.registered()])
        .when(dispatch('gulou', [{ unitId: 'gulou' }]))
        .thenRejects(CaseError.DuplicateUnit);
    });

    it("rejects a co-handler deadline after the lead's", () => {
      spec
        .given([given.registered()])
        .when(dispatch('gulou', [{ unitId: 'housing-bureau', dueAt: cst('2025-03-17 17:30') }]))
        .thenRejects(CaseError.InvalidCoHandlerDueDate, /^coHandlers\.0\.dueAt: /);
    });

    it('rejects a co-handler deadline in the past', () => {
      spec
        .given([given.registered()])
        .when(dispatch('gulou', [{ unitId: 'housing-bureau', dueAt: cst('2025-03-03 08:00') }]))
        .thenRejects(CaseError.InvalidCoHandlerDueDate);
    });

    it('rejects a dispatch by a handling unit on the case, and answers one not on it as for no case', () => {
      spec
        .given([given.registered(), given.dispatched(), given.returned()])
        .when(dispatch('gulou'), { actor: actors.unit('gulou') })
        .thenRejects(CaseError.RoleNotAllowed);
      spec
        .given([given.registered()])
        .when(dispatch('gulou'), { actor: actors.unit('taijiang') })
        .thenRejects(CaseError.NotRegistered);
    });
  });

  describe('RedispatchCase', () => {
    const returned = [given.registered(), given.dispatched(), given.returned()];

    it('re-dispatches a returned case with fresh deadlines', () => {
      const tuesday = { signBy: cst('2025-03-05 12:00'), returnBy: cst('2025-03-05 12:00') };
      spec
        .given(returned)
        .when(dispatch('taijiang', [], 'RedispatchCase'), { ...asCenter, now: at('2025-03-04 09:00') })
        .then([
          {
            type: 'CaseRedispatched',
            data: {
              caseId: CASE_ID,
              lead: { unitId: 'taijiang', ...tuesday, subDispatchBy: cst('2025-03-04 21:00') },
              coHandlers: [],
              dueAt: cst('2025-03-18 12:00'),
              limitWorkingDays: 10,
              previousLeadUnitId: 'gulou',
            },
          },
        ]);
    });

    it('re-dispatches a case its lead has not signed yet', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(dispatch('taijiang', [], 'RedispatchCase'), asCenter)
        .then([
          {
            type: 'CaseRedispatched',
            data: { ...given.dispatched().data, lead: lead('taijiang'), previousLeadUnitId: 'gulou' },
          },
        ]);
    });

    it('rejects re-dispatching a case the lead has signed', () => {
      spec
        .given([given.registered(), given.dispatched(), given.signed()])
        .when(dispatch('taijiang', [], 'RedispatchCase'), asCenter)
        .thenRejects(CaseError.NotRedispatchable);
    });

    it('rejects re-dispatching to the unit that had it', () => {
      spec
        .given(returned)
        .when(dispatch('gulou', [], 'RedispatchCase'), asCenter)
        .thenRejects(CaseError.RedispatchToSameUnit, /^leadUnitId: /);
    });
  });
});
