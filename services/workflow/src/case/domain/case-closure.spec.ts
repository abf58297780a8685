import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, completedCase, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () =>
  caseContext({ actor: actors.center, now: at('2025-03-12 10:00') }),
);

const accept: CaseCommand = { type: 'AcceptCaseReply', data: { caseId: CASE_ID, comment: '答复完整' } };
const sendBack: CaseCommand = {
  type: 'SendBackCaseReply',
  data: { caseId: CASE_ID, reason: '未说明后续监管措施' },
};
const callback = (
  result: 'satisfied' | 'basically-satisfied' | 'dissatisfied',
  unitAtFault: boolean,
): CaseCommand => ({
  type: 'RecordCaseCallback',
  data: {
    caseId: CASE_ID,
    reached: true,
    ratings: { efficiency: 'satisfied', attitude: 'basically-satisfied', result },
    unitAtFault,
  },
});
const close = (callbackWaiver?: 'anonymous' | 'citizen-declined'): CaseCommand => ({
  type: 'CloseCase',
  data: { caseId: CASE_ID, ...(callbackWaiver ? { callbackWaiver } : {}) },
});
const recorded = (
  result: 'satisfied' | 'basically-satisfied' | 'dissatisfied',
  unitAtFault: boolean,
  redoRequired: boolean,
): CaseEvent => ({
  type: 'CaseCallbackRecorded',
  data: {
    caseId: CASE_ID,
    reached: true,
    ratings: { efficiency: 'satisfied', attitude: 'basically-satisfied', result },
    unitAtFault,
    redoRequired,
  },
});
const redo: CaseCommand = {
  type: 'RedoCase',
  data: { caseId: CASE_ID, reason: '回访不满意，责任在承办单位', coHandlers: [] },
};
const replied = [given.registered(), given.dispatched(), given.signed(), given.replied()];
const closed: CaseEvent = { type: 'CaseClosed', data: { caseId: CASE_ID } };

describe('case review, callback and closure', () => {
  describe('review', () => {
    it('completes the case when the center accepts the reply', () => {
      spec
        .given(replied)
        .when(accept)
        .then([{ type: 'CaseCompleted', data: { caseId: CASE_ID, comment: '答复完整' } }]);
    });

    it('sends the reply back to the lead unit, which replies again', () => {
      spec
        .given(replied)
        .when(sendBack)
        .then([{ type: 'CaseReplySentBack', data: { caseId: CASE_ID, reason: '未说明后续监管措施' } }]);
      spec
        .given([
          ...replied,
          { type: 'CaseReplySentBack', data: { caseId: CASE_ID, reason: '未说明后续监管措施' } },
        ])
        .when(
          {
            type: 'SubmitCaseReply',
            data: { caseId: CASE_ID, result: '已责令工地停止夜间施工', attachments: [] },
          },
          {
            actor: actors.unit('gulou'),
          },
        )
        .then([given.replied()]);
    });

    it('rejects a review by anyone but the center', () => {
      spec.given(replied).when(accept, { actor: actors.agent }).thenRejects(CaseError.RoleNotAllowed);
      spec
        .given(replied)
        .when(sendBack, { actor: actors.unit('gulou') })
        .thenRejects(CaseError.RoleNotAllowed);
    });

    it('rejects a review before the unit replied', () => {
      spec.given(replied.slice(0, 3)).when(accept).thenRejects(CaseError.NotReviewable);
    });
  });

  describe('RecordCaseCallback', () => {
    it('records a satisfied citizen', () => {
      spec
        .given(completedCase())
        .when(callback('basically-satisfied', false), { actor: actors.agent })
        .then([recorded('basically-satisfied', false, false)]);
    });

    it('requires a redo when the citizen is dissatisfied and the unit at fault', () => {
      spec
        .given(completedCase())
        .when(callback('dissatisfied', true))
        .then([recorded('dissatisfied', true, true)]);
    });

    it('requires no redo when the unit is not at fault', () => {
      spec
        .given(completedCase())
        .when(callback('dissatisfied', false))
        .then([recorded('dissatisfied', false, false)]);
    });

    it('records that the citizen could not be reached', () => {
      spec
        .given(completedCase())
        .when(
          { type: 'RecordCaseCallback', data: { caseId: CASE_ID, reached: false, note: '三次未接通' } },
          { actor: actors.system },
        )
        .then([
          { type: 'CaseCallbackRecorded', data: { caseId: CASE_ID, reached: false, note: '三次未接通' } },
        ]);
    });

    it('rejects a callback before completion', () => {
      spec.given(replied).when(callback('satisfied', false)).thenRejects(CaseError.CallbackBeforeCompletion);
    });
  });

  describe('CloseCase', () => {
    it('closes a completed case after its callback', () => {
      spec
        .given([...completedCase(), given.callback(false)])
        .when(close())
        .then([closed]);
    });

    it('closes without a callback for an anonymous citizen', () => {
      const anonymous = given.registered({ citizen: { confidential: false, anonymous: true } });
      spec
        .given([anonymous, ...completedCase().slice(1)])
        .when(close('anonymous'))
        .then([{ type: 'CaseClosed', data: { caseId: CASE_ID, callbackWaiver: 'anonymous' } }]);
    });

    it('rejects the anonymous waiver for a named citizen', () => {
      spec
        .given(completedCase())
        .when(close('anonymous'))
        .thenRejects(CaseError.CallbackWaiverNotApplicable, /^callbackWaiver: /);
    });

    it('rejects closing without a callback or a waiver', () => {
      spec.given(completedCase()).when(close()).thenRejects(CaseError.CallbackMissing);
    });

    it('rejects closing when the unit at fault must redo the case', () => {
      spec
        .given([...completedCase(), given.callback(true)])
        .when(close())
        .thenRejects(CaseError.RedoRequired);
    });

    it('closes a dissatisfied case after the supervised redo', () => {
      const twiceRedone = [
        ...completedCase(),
        given.callback(true),
        given.redone(1),
        ...completedCase().slice(2),
        given.callback(true),
        given.redone(2),
        ...completedCase().slice(2),
        given.callback(true),
      ];
      spec.given(twiceRedone).when(close()).then([closed]);
    });

    it('rejects closing before completion, and closing twice', () => {
      spec.given(replied).when(close()).thenRejects(CaseError.NotClosable);
      spec
        .given([...completedCase(), given.callback(false), closed])
        .when(close())
        .thenRejects(CaseError.CaseFinished);
    });

    it('rejects closing by an agent', () => {
      spec
        .given([...completedCase(), given.callback(false)])
        .when(close(), { actor: actors.agent })
        .thenRejects(CaseError.RoleNotAllowed);
    });
  });

  describe('RedoCase', () => {
    it('sends the case back to the unit at fault with new deadlines', () => {
      spec
        .given([...completedCase(), given.callback(true)])
        .when(redo, { now: at('2025-03-03 09:00') })
        .then([given.redone(1)]);
    });

    it('puts the second redo under supervision', () => {
      const onceRedone = [
        ...completedCase(),
        given.callback(true),
        given.redone(1),
        ...completedCase().slice(2),
        given.callback(true),
      ];
      spec
        .given(onceRedone)
        .when(redo, { now: at('2025-03-03 09:00') })
        .then([given.redone(2)]);
    });

    it('rejects a redo when the citizen was satisfied', () => {
      spec
        .given([...completedCase(), given.callback(false)])
        .when(redo)
        .thenRejects(CaseError.NotRedoable);
    });

    it('rejects a redo before completion', () => {
      spec.given(replied).when(redo).thenRejects(CaseError.NotRedoable);
    });

    it('restarts the deadline from the redo', () => {
      const [event] = caseDecider.decide(
        redo,
        fold([...completedCase(), given.callback(true)]),
        caseContext({ actor: actors.center, now: at('2025-03-12 10:00') }),
      );
      expect(event).toMatchObject({ data: { dueAt: cst('2025-03-26 12:00'), lead: { unitId: 'gulou' } } });
    });
  });

  describe('ReviewPublicRecord', () => {
    const publish: CaseCommand = {
      type: 'ReviewPublicRecord',
      data: { caseId: CASE_ID, decision: 'publish', content: '东街路灯不亮', answer: '已修复' },
    };
    const withhold: CaseCommand = {
      type: 'ReviewPublicRecord',
      data: { caseId: CASE_ID, decision: 'withhold', reason: '涉及个人隐私' },
    };
    const closedCase = [...completedCase(), given.callback(false), closed];

    it('publishes a closed case in the approved words, and a later review replaces it', () => {
      spec
        .given(closedCase)
        .when(publish)
        .then([{ type: 'CasePublicRecordReviewed', data: publish.data }]);
      spec
        .given([...closedCase, { type: 'CasePublicRecordReviewed', data: publish.data }])
        .when(withhold)
        .then([{ type: 'CasePublicRecordReviewed', data: withhold.data }]);
    });

    it('rejects a review before the case is closed, or by anyone but the center', () => {
      spec.given(completedCase()).when(publish).thenRejects(CaseError.NotPublishable);
      spec
        .given(closedCase)
        .when(withhold, { actor: actors.unit('gulou') })
        .thenRejects(CaseError.RoleNotAllowed);
    });
  });
});

function fold(events: CaseEvent[]) {
  return events.reduce(caseDecider.evolve, caseDecider.initialState());
}
