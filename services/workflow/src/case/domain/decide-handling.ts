import {
  CASE_COMMAND_ROLES,
  checkExtension,
  type ApproveCaseExtension,
  type CaseEvent,
  type RejectCaseExtension,
  type RequestCaseExtension,
  type ReturnCase,
  type SignCase,
  type SubmitCaseReply,
  type SubmitCoHandlerReply,
} from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { CaseError } from './case.errors';
import type { CaseRecord, CaseState } from './case.state';
import type { CommandData } from './case-command-data';
import { actingUnit, requireRecord, requireRole, requireStatus, violation } from './case-guards';

/** While the lead has not replied, lead and co-handlers act on the case. */
const IN_HANDLING = ['dispatched', 'signed'] as const;

const coHandlerOf = (record: CaseRecord, unitId: string) =>
  record.coHandlers.find((c) => c.unitId === unitId);

export function sign(
  _data: CommandData<typeof SignCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'signing');
  const record = requireRecord(state, context);
  requireStatus(record, IN_HANDLING, CaseError.NotSignable, 'signing');
  if (record.lead?.unitId === unitId && record.lead.status === 'dispatched') {
    return [{ type: 'CaseSigned', data: { caseId: record.caseId, unitId, role: 'lead' } }];
  }
  if (coHandlerOf(record, unitId)?.status === 'dispatched') {
    return [{ type: 'CaseSigned', data: { caseId: record.caseId, unitId, role: 'co-handler' } }];
  }
  return violation(CaseError.NotSignable, `the case is not waiting for ${unitId} to sign`, { unitId });
}

/** 退单: only before signing, within the return limit; a fallback unit cannot return. */
export function returnCase(
  data: CommandData<typeof ReturnCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'returning');
  const record = requireRecord(state, context);
  requireStatus(record, IN_HANDLING, CaseError.NotReturnable, 'returning');
  const { lead } = record;
  const coHandler = coHandlerOf(record, unitId);
  const assignment = lead?.unitId === unitId ? lead : coHandler;
  if (assignment === undefined || assignment.status !== 'dispatched') {
    return violation(CaseError.NotReturnable, `the case is not waiting for ${unitId} to sign or return it`, {
      unitId,
    });
  }
  if (assignment === lead && lead.fallback) {
    violation(CaseError.FallbackUnitCannotReturn, `${unitId} is the fallback unit and must handle the case`);
  }
  if (context.now > new Date(assignment.returnBy)) {
    violation(CaseError.ReturnWindowClosed, `the case could be returned until ${assignment.returnBy}`, {
      returnBy: assignment.returnBy,
    });
  }
  const returnedToUnitId = assignment === lead ? lead.superiors.at(-1)?.unitId : undefined;
  return [
    {
      type: 'CaseReturned',
      data: {
        caseId: record.caseId,
        unitId,
        role: assignment === lead ? 'lead' : 'co-handler',
        reason: data.reason,
        explanation: data.explanation,
        basis: data.basis,
        ...(returnedToUnitId !== undefined ? { returnedToUnitId } : {}),
      },
    },
  ];
}

export function requestExtension(
  data: CommandData<typeof RequestCaseExtension>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'asking for an extension');
  const record = requireRecord(state, context);
  requireStatus(record, ['signed'], CaseError.NotExtendable, 'asking for an extension');
  if (record.lead?.unitId !== unitId || record.dueAt === undefined || record.limitWorkingDays === undefined) {
    return violation(CaseError.NotExtendable, `only the lead unit handling the case asks for an extension`, {
      unitId,
    });
  }
  if (record.pendingExtension !== undefined) {
    violation(CaseError.ExtensionAlreadyPending, 'an extension request is already waiting for the center');
  }
  const verdict = checkExtension(context.deadlines, context.calendar, {
    now: context.now,
    dueAt: new Date(record.dueAt),
    requestedDueAt: new Date(data.requestedDueAt),
    limitWorkingDays: record.limitWorkingDays,
    extendedWorkingDays: record.extendedWorkingDays,
  });
  if (!verdict.allowed) {
    const code = {
      'not-later': CaseError.ExtensionNotLater,
      'too-late': CaseError.ExtensionTooLate,
      'too-long': CaseError.ExtensionTooLong,
    }[verdict.rule];
    return violation(code, verdict.reason, { dueAt: record.dueAt });
  }
  return [
    {
      type: 'CaseExtensionRequested',
      data: {
        caseId: record.caseId,
        unitId,
        reason: data.reason,
        requestedDueAt: new Date(data.requestedDueAt).toISOString(),
        workingDays: verdict.workingDays,
      },
    },
  ];
}

export function approveExtension(
  data: CommandData<typeof ApproveCaseExtension>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.ApproveCaseExtension, 'approving an extension');
  const record = requireRecord(state, context);
  const pending =
    record.pendingExtension ?? violation(CaseError.NoPendingExtension, 'no extension is waiting');
  return [
    {
      type: 'CaseExtensionApproved',
      data: {
        caseId: record.caseId,
        dueAt: pending.requestedDueAt,
        workingDays: pending.workingDays,
        ...(data.comment !== undefined ? { comment: data.comment } : {}),
      },
    },
  ];
}

export function rejectExtension(
  data: CommandData<typeof RejectCaseExtension>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RejectCaseExtension, 'rejecting an extension');
  const record = requireRecord(state, context);
  if (record.pendingExtension === undefined)
    violation(CaseError.NoPendingExtension, 'no extension is waiting');
  return [{ type: 'CaseExtensionRejected', data: { caseId: record.caseId, reason: data.reason } }];
}

export function coHandlerReply(
  data: CommandData<typeof SubmitCoHandlerReply>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'replying as co-handler');
  const record = requireRecord(state, context);
  requireStatus(record, IN_HANDLING, CaseError.NotReplyable, 'replying as co-handler');
  const coHandler = coHandlerOf(record, unitId);
  if (coHandler?.status === 'dispatched')
    violation(CaseError.ReplyBeforeSign, `${unitId} must sign before replying`);
  if (coHandler?.status !== 'signed') {
    return violation(CaseError.NotReplyable, `${unitId} is not a co-handler waiting to reply`, { unitId });
  }
  return [{ type: 'CaseCoHandlerReplied', data: { ...data, caseId: record.caseId, unitId } }];
}

/** 办结反馈: the lead, after signing and once every remaining co-handler has replied. */
export function reply(
  data: CommandData<typeof SubmitCaseReply>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'replying');
  const record = requireRecord(state, context);
  requireStatus(record, IN_HANDLING, CaseError.NotReplyable, 'replying');
  if (record.lead?.unitId !== unitId) {
    return violation(CaseError.NotReplyable, `${unitId} is not the lead unit of the case`, { unitId });
  }
  if (record.lead.status !== 'signed')
    violation(CaseError.ReplyBeforeSign, `${unitId} must sign before replying`);
  const pending = record.coHandlers.filter((c) => c.status === 'dispatched' || c.status === 'signed');
  if (pending.length > 0) {
    violation(
      CaseError.CoHandlersPending,
      `co-handlers have not replied: ${pending.map((c) => c.unitId).join(', ')}`,
      {
        unitIds: pending.map((c) => c.unitId),
      },
    );
  }
  return [{ type: 'CaseReplied', data: { ...data, caseId: record.caseId, unitId } }];
}
