import {
  CASE_COMMAND_ROLES,
  isSubordinateUnit,
  type CaseEvent,
  type DispatchCase,
  type DispatchCaseToFallbackUnit,
  type RecordLeaderInstruction,
  type RedispatchCase,
  type ReportCaseToLeader,
  type SubDispatchCase,
} from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { CaseError } from './case.errors';
import type { CaseState } from './case.state';
import type { CommandData } from './case-command-data';
import { dispatchPlan } from './case-dispatch-plan';
import {
  actingUnit,
  iso,
  requireActiveUnit,
  requireRecord,
  requireRole,
  requireStatus,
  violation,
} from './case-guards';

export function dispatch(
  data: CommandData<typeof DispatchCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.DispatchCase, 'dispatching');
  const record = requireRecord(state, context);
  requireStatus(record, ['registered'], CaseError.NotDispatchable, 'dispatching');
  return [{ type: 'CaseDispatched', data: dispatchPlan(record, data, context) }];
}

/** 改派: after a return, or before the lead unit has signed. */
export function redispatch(
  data: CommandData<typeof RedispatchCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RedispatchCase, 're-dispatching');
  const record = requireRecord(state, context);
  requireStatus(record, ['returned', 'dispatched'], CaseError.NotRedispatchable, 're-dispatching');
  const previousLeadUnitId =
    record.lead?.unitId ?? violation(CaseError.NotRedispatchable, 'the case has no lead unit');
  if (data.leadUnitId === previousLeadUnitId) {
    violation(CaseError.RedispatchToSameUnit, `leadUnitId: the case already went to ${previousLeadUnitId}`, {
      field: 'leadUnitId',
    });
  }
  return [{ type: 'CaseRedispatched', data: { ...dispatchPlan(record, data, context), previousLeadUnitId } }];
}

/**
 * 兜底: when no catalogue entry matches (before any dispatch or after a return), or after
 * `fallbackAfterReturns` returns.
 */
export function dispatchToFallback(
  data: CommandData<typeof DispatchCaseToFallbackUnit>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.DispatchCaseToFallbackUnit, 'dispatching to a fallback unit');
  const record = requireRecord(state, context);
  requireStatus(
    record,
    ['registered', 'returned'],
    CaseError.FallbackNotAllowed,
    'dispatching to a fallback unit',
  );
  if (!requireActiveUnit(context, data.unitId, 'unitId').fallback) {
    violation(CaseError.NotFallbackUnit, `unitId: ${data.unitId} is not a fallback unit`, {
      field: 'unitId',
    });
  }
  const { fallbackAfterReturns } = context.rules;
  if (data.reason === 'repeated-returns' && record.returnCount < fallbackAfterReturns) {
    violation(
      CaseError.FallbackNotAllowed,
      `a case goes to the fallback unit after ${fallbackAfterReturns} returns; it has had ${record.returnCount}`,
      { returnCount: record.returnCount },
    );
  }
  const plan = dispatchPlan(record, { leadUnitId: data.unitId, coHandlers: [], note: data.note }, context);
  return [{ type: 'CaseDispatchedToFallbackUnit', data: { ...plan, reason: data.reason } }];
}

/**
 * A lead unit that signed passes the case to a unit below it, e.g. a district office to a street
 * office; a district office only within its window (`subDispatchBy`, 12 hours from receiving it).
 */
export function subDispatch(
  data: CommandData<typeof SubDispatchCase>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const unitId = actingUnit(context, 'sub-dispatching');
  const record = requireRecord(state, context);
  requireStatus(record, ['signed'], CaseError.NotSubDispatchable, 'sub-dispatching');
  if (record.lead?.unitId !== unitId) {
    violation(
      CaseError.NotSubDispatchable,
      `only the lead unit that signed may sub-dispatch; ${unitId} is not it`,
    );
  }
  if (record.pendingExtension !== undefined) {
    violation(CaseError.ExtensionAlreadyPending, 'decide the pending extension before sub-dispatching');
  }
  const { subDispatchBy } = record.lead;
  if (subDispatchBy !== undefined && context.now > new Date(subDispatchBy)) {
    violation(
      CaseError.SubDispatchWindowClosed,
      `a district office passes a case on within ${context.deadlines.subDispatchWithinHours} hours, until ${subDispatchBy}; handle it yourself or return it`,
      { subDispatchBy },
    );
  }
  requireActiveUnit(context, data.toUnitId, 'toUnitId');
  if (!isSubordinateUnit(context.units, unitId, data.toUnitId)) {
    violation(CaseError.NotSubordinateUnit, `toUnitId: ${data.toUnitId} is not below ${unitId}`, {
      field: 'toUnitId',
    });
  }
  const { signWithin, returnWithin } = context.deadlines;
  return [
    {
      type: 'CaseSubDispatched',
      data: {
        caseId: record.caseId,
        fromUnitId: unitId,
        toUnitId: data.toUnitId,
        signBy: iso(context.calendar.addWorkingDays(context.now, signWithin)),
        returnBy: iso(context.calendar.addWorkingDays(context.now, returnWithin)),
        ...(data.note !== undefined ? { note: data.note } : {}),
      },
    },
  ];
}

export function reportToLeader(
  data: CommandData<typeof ReportCaseToLeader>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.ReportCaseToLeader, 'reporting to the leaders');
  const record = requireRecord(state, context);
  if (record.status === 'declined' || record.status === 'merged') {
    violation(CaseError.NotReportable, `a ${record.status} case is not reported`, { status: record.status });
  }
  if (record.reportedToLeader) violation(CaseError.AlreadyReportedToLeader, 'the case was already reported');
  return [{ type: 'CaseReportedToLeader', data: { caseId: record.caseId, summary: data.summary } }];
}

export function recordInstruction(
  data: CommandData<typeof RecordLeaderInstruction>,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireRole(context, CASE_COMMAND_ROLES.RecordLeaderInstruction, 'writing an instruction');
  const record = requireRecord(state, context);
  if (record.status === 'declined' || record.status === 'merged') {
    violation(CaseError.NotReportable, `a ${record.status} case takes no instructions`, {
      status: record.status,
    });
  }
  return [
    { type: 'CaseLeaderInstructionRecorded', data: { caseId: record.caseId, instruction: data.instruction } },
  ];
}
