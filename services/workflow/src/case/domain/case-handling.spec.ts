import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () =>
  caseContext({ actor: actors.unit('gulou'), now: at('2025-03-04 10:00') }),
);
const as = (unitId: string, local = '2025-03-04 10:00') => ({ actor: actors.unit(unitId), now: at(local) });

const sign: CaseCommand = { type: 'SignCase', data: { caseId: CASE_ID } };
const returnCase: CaseCommand = {
  type: 'ReturnCase',
  data: {
    caseId: CASE_ID,
    reason: 'not-responsible',
    explanation: '不属于本单位职责',
    basis: '《福州市城市管理职责清单》第三条',
  },
};
const coHandler = {
  unitId: 'housing-bureau',
  signBy: cst('2025-03-04 12:00'),
  returnBy: cst('2025-03-04 12:00'),
  dueAt: cst('2025-03-14 12:00'),
};
const withCoHandler = [given.registered(), given.dispatched({ coHandlers: [coHandler] })];
const signedByGulou = [given.registered(), given.dispatched(), given.signed()];
const subDispatched: CaseEvent = {
  type: 'CaseSubDispatched',
  data: {
    caseId: CASE_ID,
    fromUnitId: 'gulou',
    toUnitId: 'gulou-dongjie',
    signBy: cst('2025-03-05 12:00'),
    returnBy: cst('2025-03-05 12:00'),
  },
};

describe('case handling', () => {
  describe('SignCase', () => {
    it('signs as the lead', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(sign)
        .then([given.signed('gulou', 'lead')]);
    });

    it('signs as a co-handler', () => {
      spec
        .given(withCoHandler)
        .when(sign, as('housing-bureau'))
        .then([given.signed('housing-bureau', 'co-handler')]);
    });

    it('answers a unit the case was never given as if the case did not exist', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(sign, as('taijiang'))
        .thenRejects(CaseError.NotRegistered);
    });

    it('rejects signing twice', () => {
      spec.given(signedByGulou).when(sign).thenRejects(CaseError.NotSignable);
    });

    it('rejects signing by someone who is not a unit user', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(sign, { actor: actors.center })
        .thenRejects(CaseError.RoleNotAllowed);
    });
  });

  describe('ReturnCase', () => {
    it('returns an unsigned case to the center within the return limit', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(returnCase, as('gulou', '2025-03-04 11:59'))
        .then([given.returned()]);
    });

    it('rejects a return after the return limit', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(returnCase, as('gulou', '2025-03-04 12:01'))
        .thenRejects(CaseError.ReturnWindowClosed);
    });

    it('rejects a return after signing', () => {
      spec.given(signedByGulou).when(returnCase).thenRejects(CaseError.NotReturnable);
    });

    it('answers a return by a unit the case was never given as if the case did not exist', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(returnCase, as('taijiang'))
        .thenRejects(CaseError.NotRegistered);
    });

    it('rejects a return by the fallback unit', () => {
      const toFallback: CaseEvent = {
        type: 'CaseDispatchedToFallbackUnit',
        data: {
          ...given.dispatched().data,
          lead: { ...given.dispatched().data.lead, unitId: 'fallback-office' },
          reason: 'no-catalogue-match',
        },
      };
      spec
        .given([given.registered(), toFallback])
        .when(returnCase, as('fallback-office'))
        .thenRejects(CaseError.FallbackUnitCannotReturn);
    });

    it('returns a sub-dispatched case to the office above, which handles it again', () => {
      const history = [...signedByGulou, subDispatched];
      spec
        .given(history)
        .when(returnCase, as('gulou-dongjie'))
        .then([given.returned('gulou-dongjie', { returnedToUnitId: 'gulou' })]);
      spec
        .given([...history, given.returned('gulou-dongjie', { returnedToUnitId: 'gulou' })])
        .when({
          type: 'SubmitCaseReply',
          data: { caseId: CASE_ID, result: '区里已直接处理', attachments: [] },
        })
        .then([
          {
            type: 'CaseReplied',
            data: { caseId: CASE_ID, unitId: 'gulou', result: '区里已直接处理', attachments: [] },
          },
        ]);
    });

    it('lets a co-handler leave the case by returning it', () => {
      spec
        .given(withCoHandler)
        .when(returnCase, as('housing-bureau'))
        .then([given.returned('housing-bureau', { role: 'co-handler' })]);
    });
  });

  describe('replies', () => {
    const reply: CaseCommand = {
      type: 'SubmitCaseReply',
      data: { caseId: CASE_ID, result: '已责令工地停止夜间施工', attachments: [] },
    };
    const photo = { id: 'att-1', name: '现场照片.jpg', mediaType: 'image/jpeg', sizeBytes: 204_800 };
    const part = { caseId: CASE_ID, result: '已核查施工许可', attachments: [photo] };
    const coReply: CaseCommand = { type: 'SubmitCoHandlerReply', data: part };
    const coReplied: CaseEvent = {
      type: 'CaseCoHandlerReplied',
      data: { ...part, unitId: 'housing-bureau' },
    };

    it('takes the lead unit’s reply after signing', () => {
      spec.given(signedByGulou).when(reply).then([given.replied()]);
    });

    it('rejects a reply before signing', () => {
      spec.given([given.registered(), given.dispatched()]).when(reply).thenRejects(CaseError.ReplyBeforeSign);
    });

    it('rejects a lead reply while a co-handler has not replied', () => {
      spec
        .given([...withCoHandler, given.signed()])
        .when(reply)
        .thenRejects(CaseError.CoHandlersPending, /housing-bureau/);
    });

    it('takes the co-handler’s part, then the consolidated reply', () => {
      const signedBoth = [...withCoHandler, given.signed(), given.signed('housing-bureau', 'co-handler')];
      spec.given(signedBoth).when(coReply, as('housing-bureau')).then([coReplied]);
      spec
        .given([...signedBoth, coReplied])
        .when(reply)
        .then([given.replied()]);
    });

    it('takes the lead reply once the co-handler has returned the case', () => {
      spec
        .given([...withCoHandler, given.signed(), given.returned('housing-bureau', { role: 'co-handler' })])
        .when(reply)
        .then([given.replied()]);
    });

    it('rejects a co-handler reply before the co-handler signed', () => {
      spec.given(withCoHandler).when(coReply, as('housing-bureau')).thenRejects(CaseError.ReplyBeforeSign);
    });

    it('rejects replies from units that are not on the case in that role', () => {
      spec.given(signedByGulou).when(reply, as('taijiang')).thenRejects(CaseError.NotRegistered);
      spec.given(signedByGulou).when(coReply, as('gulou')).thenRejects(CaseError.NotReplyable);
    });

    it('rejects a second reply while the center reviews', () => {
      spec
        .given([...signedByGulou, given.replied()])
        .when(reply)
        .thenRejects(CaseError.NotReplyable);
    });
  });
});
