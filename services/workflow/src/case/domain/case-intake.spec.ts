import type { CaseCommand } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, caseContext, cst, given } from './testing/case-fixtures';
import { deciderSpec } from '@hotline/infra/command/testing';

const spec = deciderSpec(caseDecider, () => caseContext());

const register = (
  data: Partial<Extract<CaseCommand, { type: 'RegisterCase' }>['data']> = {},
): CaseCommand => ({
  type: 'RegisterCase',
  data: {
    caseId: CASE_ID,
    type: 'complaint',
    categoryCode: '030101',
    content: '小区旁工地夜间施工噪声扰民',
    citizen: { name: '王先生', phone: '13800138000', confidential: false, anonymous: false },
    channel: 'phone',
    attachments: [],
    urgency: 'normal',
    simple: false,
    ...data,
  },
});

describe('case intake', () => {
  describe('RegisterCase', () => {
    it('registers the case with its number and a dispatch deadline one working day later', () => {
      spec.given([]).when(register()).then([given.registered()]);
    });

    it('marks convenience-list categories from the taxonomy', () => {
      spec
        .given([])
        .when(register({ categoryCode: '010102' }))
        .then([given.registered({ categoryCode: '010102', convenienceList: true })]);
    });

    it('gives an urgent case a same-day dispatch deadline', () => {
      spec
        .given([])
        .when(register({ urgency: 'urgent' }))
        .then([given.registered({ urgency: 'urgent', dispatchBy: cst('2025-03-03 17:30') })]);
    });

    it('rejects a second registration of the same case', () => {
      spec.given([given.registered()]).when(register()).thenRejects(CaseError.AlreadyRegistered);
    });

    it('rejects a category that is not in the taxonomy, naming the field', () => {
      spec
        .given([])
        .when(register({ categoryCode: '999999' }))
        .thenRejects(CaseError.UnknownCategory, /^categoryCode: /);
    });

    it('rejects a category that has sub-categories', () => {
      spec
        .given([])
        .when(register({ categoryCode: '030100' }))
        .thenRejects(CaseError.CategoryNotLeaf);
    });

    it('rejects a category the city retired, or one under a retired category, naming the field', () => {
      spec
        .given([])
        .when(register({ categoryCode: '030101' }), { retiredCategories: ['030101'] })
        .thenRejects(CaseError.CategoryRetired, /^categoryCode: 030101 is retired/);
      spec
        .given([])
        .when(register({ categoryCode: '030101' }), { retiredCategories: ['030000'] })
        .thenRejects(CaseError.CategoryRetired, /^categoryCode: 030000 is retired/);
    });

    it('rejects a registration for which no case number was allocated', () => {
      spec.given([]).when(register(), { caseNumber: undefined }).thenRejects(CaseError.CaseNumberMissing);
    });

    it('rejects a registration by a handling unit', () => {
      spec
        .given([])
        .when(register(), { actor: actors.unit('gulou') })
        .thenRejects(CaseError.RoleNotAllowed);
    });
  });

  describe('AnswerCaseAtIntake', () => {
    const answer: CaseCommand = {
      type: 'AnswerCaseAtIntake',
      data: {
        caseId: CASE_ID,
        answer: '夜间施工须持有夜间施工许可证，可向区住建局举报。',
        knowledgeArticleId: 'kb-17',
      },
    };

    it('closes a just-registered case with the direct answer', () => {
      spec
        .given([given.registered()])
        .when(answer)
        .then([{ type: 'CaseAnsweredAtIntake', data: answer.data }]);
    });

    it('rejects an answer on a case that does not exist', () => {
      spec.given([]).when(answer).thenRejects(CaseError.NotRegistered);
    });

    it('rejects an answer once the case has been dispatched', () => {
      spec.given([given.registered(), given.dispatched()]).when(answer).thenRejects(CaseError.NotAnswerable);
    });

    it('says the case is finished when it was declined', () => {
      const declined = {
        type: 'CaseDeclined' as const,
        data: { caseId: CASE_ID, reason: 'outside-jurisdiction' as const, explanation: '属外市事项' },
      };
      spec.given([given.registered(), declined]).when(answer).thenRejects(CaseError.CaseFinished);
    });
  });

  describe('DeclineCase', () => {
    const decline: CaseCommand = {
      type: 'DeclineCase',
      data: {
        caseId: CASE_ID,
        reason: 'emergency-119',
        explanation: '火情属紧急事项',
        referral: '已告知来电人立即拨打119',
      },
    };

    it('records the reason and the referral', () => {
      spec
        .given([given.registered()])
        .when(decline)
        .then([{ type: 'CaseDeclined', data: decline.data }]);
    });

    it('rejects declining a dispatched case', () => {
      spec.given([given.registered(), given.dispatched()]).when(decline).thenRejects(CaseError.NotDeclinable);
    });
  });

  describe('MergeCase and LinkDuplicateCase', () => {
    const merge = (masterCaseId: string): CaseCommand => ({
      type: 'MergeCase',
      data: { caseId: CASE_ID, masterCaseId },
    });
    const link = (duplicateCaseId: string): CaseCommand => ({
      type: 'LinkDuplicateCase',
      data: { caseId: CASE_ID, duplicateCaseId },
    });

    it('folds a registered duplicate into its master', () => {
      spec
        .given([given.registered()])
        .when(merge('case-0002'))
        .then([{ type: 'CaseMerged', data: { caseId: CASE_ID, masterCaseId: 'case-0002' } }]);
    });

    it('rejects merging a case into itself', () => {
      spec.given([given.registered()]).when(merge(CASE_ID)).thenRejects(CaseError.MergeIntoSelf);
    });

    it('rejects merging a case already dispatched', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(merge('case-0002'))
        .thenRejects(CaseError.NotMergeable);
    });

    it('links a duplicate to the master, even while the master is handled', () => {
      spec
        .given([given.registered(), given.dispatched()])
        .when(link('case-0003'))
        .then([{ type: 'CaseDuplicateLinked', data: { caseId: CASE_ID, duplicateCaseId: 'case-0003' } }]);
    });

    it('rejects linking the same duplicate twice', () => {
      const linked = {
        type: 'CaseDuplicateLinked' as const,
        data: { caseId: CASE_ID, duplicateCaseId: 'case-0003' },
      };
      spec
        .given([given.registered(), linked])
        .when(link('case-0003'))
        .thenRejects(CaseError.DuplicateAlreadyLinked);
    });

    it('rejects a merged case as a master', () => {
      const merged = { type: 'CaseMerged' as const, data: { caseId: CASE_ID, masterCaseId: 'case-0009' } };
      spec.given([given.registered(), merged]).when(link('case-0003')).thenRejects(CaseError.NotLinkable);
    });

    it('rejects linking a case to itself', () => {
      spec.given([given.registered()]).when(link(CASE_ID)).thenRejects(CaseError.MergeIntoSelf);
    });
  });
});
