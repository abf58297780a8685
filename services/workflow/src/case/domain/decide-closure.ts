import {
  CASE_COMMAND_ROLES,
  type AcceptCaseReply,
  type CaseEvent,
  type CloseCase,
  type RecordCaseCallback,
  type RedoCase,
  type ReviewPublicRecord,
  type SendBackCaseReply,
} from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { CaseError } from './case.errors';
import type { CaseState } from './case.state';
import type { CommandData } from './case-command-data';
import { dispatchPlan } from './case-dispatch-plan';
import { requireRecord, requireRole, requireStatus, violation } from './case-guards';

export function acceptReply(
  data: CommandData<typeof AcceptCaseReply>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.AcceptCaseReply, 'reviewing a reply');
  const record = requireRecord(state, context);
  requireStatus(record, ['replied'], CaseError.NotReviewable, 'accepting a reply');
  return [{ type: 'CaseCompleted', data: { ...data, caseId: record.caseId } }];
}

export function sendBackReply(
  data: CommandData<typeof SendBackCaseReply>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.SendBackCaseReply, 'reviewing a reply');
  const record = requireRecord(state, context);
  requireStatus(record, ['replied'], CaseError.NotReviewable, 'sending a reply back');
  return [{ type: 'CaseReplySentBack', data: { ...data, caseId: record.caseId } }];
}

/** 回访: after completion; a dissatisfied rating with the unit at fault requires a redo. */
export function recordCallback(
  data: CommandData<typeof RecordCaseCallback>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RecordCaseCallback, 'recording a callback');
  const record = requireRecord(state, context);
  requireStatus(record, ['completed'], CaseError.CallbackBeforeCompletion, 'a callback');
  if (!data.reached) return [{ type: 'CaseCallbackRecorded', data: { ...data, caseId: record.caseId } }];
  const dissatisfied = Object.values(data.ratings).includes('dissatisfied');
  return [
    {
      type: 'CaseCallbackRecorded',
      data: { ...data, caseId: record.caseId, redoRequired: dissatisfied && data.unitAtFault },
    },
  ];
}

export function close(
  data: CommandData<typeof CloseCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.CloseCase, 'closing a case');
  const record = requireRecord(state, context);
  requireStatus(record, ['completed'], CaseError.NotClosable, 'closing');
  const { callbackWaiver } = data;
  if (callbackWaiver === 'anonymous' && !record.citizenAnonymous) {
    violation(CaseError.CallbackWaiverNotApplicable, 'callbackWaiver: the citizen is not anonymous', {
      field: 'callbackWaiver',
    });
  }
  if (record.lastCallback === undefined && callbackWaiver === undefined) {
    violation(CaseError.CallbackMissing, 'call the citizen back, or give the reason there is no callback');
  }
  if (record.lastCallback?.redoRequired && record.redoCount < context.rules.redosBeforeClosingDissatisfied) {
    violation(CaseError.RedoRequired, `the citizen is dissatisfied and the unit at fault: redo the case`, {
      redoCount: record.redoCount,
    });
  }
  return [{ type: 'CaseClosed', data: { ...data, caseId: record.caseId } }];
}

/**
 * 重办: back to the lead unit that replied and to the co-handlers named as at fault (only units that
 * were co-handlers of the last handling), each with new deadlines; from `supervisedRedoFrom` on the
 * redo is supervised.
 */
export function redo(
  data: CommandData<typeof RedoCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RedoCase, 'redoing a case');
  const record = requireRecord(state, context);
  requireStatus(record, ['completed'], CaseError.NotRedoable, 'redoing');
  if (!record.lastCallback?.redoRequired || record.lead === undefined) {
    return violation(
      CaseError.NotRedoable,
      'a case is redone after a dissatisfied callback with the unit at fault',
    );
  }
  const previous = new Set(record.coHandlers.map((c) => c.unitId));
  data.coHandlers.forEach(({ unitId }, index) => {
    if (!previous.has(unitId)) {
      violation(
        CaseError.NotACoHandler,
        `coHandlers.${index}.unitId: ${unitId} was not a co-handler of the case; dispatch anew instead`,
        { field: `coHandlers.${index}.unitId` },
      );
    }
  });
  const redoCount = record.redoCount + 1;
  const plan = dispatchPlan(record, { leadUnitId: record.lead.unitId, coHandlers: data.coHandlers }, context);
  return [
    {
      type: 'CaseRedone',
      data: {
        ...plan,
        reason: data.reason,
        redoCount,
        underSupervision: redoCount >= context.rules.supervisedRedoFrom,
      },
    },
  ];
}

/** 办件公开: only a closed case is reviewed for the public record; a later review replaces the earlier. */
export function reviewPublicRecord(
  data: CommandData<typeof ReviewPublicRecord>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.ReviewPublicRecord, 'reviewing a case for the public record');
  const record = requireRecord(state, context);
  requireStatus(record, ['closed'], CaseError.NotPublishable, 'reviewing for the public record');
  return [{ type: 'CasePublicRecordReviewed', data: { ...data, caseId: record.caseId } }];
}
