import {
  CASE_COMMAND_ROLES,
  dispatchDueBy,
  type AnswerCaseAtIntake,
  type CaseEvent,
  type DeclineCase,
  type LinkDuplicateCase,
  type MergeCase,
  type RecordCaseRepeatContact,
  type RegisterCase,
} from '@hotline/contracts';
import type { CaseContext } from './case.context';
import type { CommandData } from './case-command-data';
import { CaseError } from './case.errors';
import type { CaseState } from './case.state';
import { iso, requireRecord, requireRole, requireStatus, violation } from './case-guards';

export function register(
  data: CommandData<typeof RegisterCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RegisterCase, 'registering a case');
  if (state.status !== 'none')
    violation(CaseError.AlreadyRegistered, `case ${data.caseId} is already registered`);
  const category = context.taxonomy.get(data.categoryCode);
  if (category === undefined) {
    violation(CaseError.UnknownCategory, `categoryCode: ${data.categoryCode} is not in the taxonomy`, {
      field: 'categoryCode',
    });
  }
  if (!context.taxonomy.isLeaf(data.categoryCode)) {
    violation(
      CaseError.CategoryNotLeaf,
      `categoryCode: ${data.categoryCode} has sub-categories; choose one of them`,
      {
        field: 'categoryCode',
      },
    );
  }
  const retired = context.taxonomy
    .pathOf(data.categoryCode)
    .find((entry) => context.retiredCategories?.includes(entry.code));
  if (retired !== undefined) {
    violation(CaseError.CategoryRetired, `categoryCode: ${retired.code} is retired and takes no new cases`, {
      field: 'categoryCode',
      categoryCode: data.categoryCode,
    });
  }
  const caseNumber =
    context.caseNumber ?? violation(CaseError.CaseNumberMissing, 'no case number was allocated');
  const dispatchBy = dispatchDueBy(context.deadlines, context.calendar, context.now, data.urgency);
  return [
    {
      type: 'CaseRegistered',
      data: { ...data, caseNumber, convenienceList: category.convenienceList, dispatchBy: iso(dispatchBy) },
    },
  ];
}

export function answerAtIntake(
  data: CommandData<typeof AnswerCaseAtIntake>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.AnswerCaseAtIntake, 'answering at intake');
  const record = requireRecord(state, context);
  requireStatus(record, ['registered'], CaseError.NotAnswerable, 'answering at intake');
  return [{ type: 'CaseAnsweredAtIntake', data: { ...data, caseId: record.caseId } }];
}

export function decline(
  data: CommandData<typeof DeclineCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.DeclineCase, 'declining a case');
  const record = requireRecord(state, context);
  requireStatus(record, ['registered'], CaseError.NotDeclinable, 'declining');
  return [{ type: 'CaseDeclined', data: { ...data, caseId: record.caseId } }];
}

export function merge(
  data: CommandData<typeof MergeCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.MergeCase, 'merging a case');
  const record = requireRecord(state, context);
  requireStatus(record, ['registered'], CaseError.NotMergeable, 'merging');
  if (data.masterCaseId === record.caseId)
    violation(CaseError.MergeIntoSelf, 'a case cannot be merged into itself');
  return [{ type: 'CaseMerged', data: { caseId: record.caseId, masterCaseId: data.masterCaseId } }];
}

export function linkDuplicate(
  data: CommandData<typeof LinkDuplicateCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.LinkDuplicateCase, 'linking a duplicate');
  const record = requireRecord(state, context);
  if (record.status === 'declined' || record.status === 'merged') {
    violation(CaseError.NotLinkable, `a ${record.status} case cannot be a master case`, {
      status: record.status,
    });
  }
  if (data.duplicateCaseId === record.caseId)
    violation(CaseError.MergeIntoSelf, 'a case cannot be its own duplicate');
  if (record.duplicateCaseIds.includes(data.duplicateCaseId)) {
    violation(CaseError.DuplicateAlreadyLinked, `case ${data.duplicateCaseId} is already linked`);
  }
  return [
    { type: 'CaseDuplicateLinked', data: { caseId: record.caseId, duplicateCaseId: data.duplicateCaseId } },
  ];
}

/**
 * A contact intake merged into the case (并单) counts as a repeat on the case itself, whatever its
 * status: a citizen calling again about a closed case still climbs the escalation ladder. A contact
 * is counted once, so a redelivered intake event changes nothing.
 */
export function recordRepeatContact(
  data: CommandData<typeof RecordCaseRepeatContact>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RecordCaseRepeatContact, 'recording a repeat contact');
  const record = requireRecord(state, context);
  if (record.repeatContactIds.includes(data.contactId)) return [];
  return [
    {
      type: 'CaseRepeatContactRecorded',
      data: {
        caseId: record.caseId,
        contactId: data.contactId,
        repeatCount: record.repeatContactIds.length + 1,
        automatic: data.automatic,
      },
    },
  ];
}
