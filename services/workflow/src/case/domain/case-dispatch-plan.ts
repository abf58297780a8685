import {
  dispatchDeadlines,
  subDispatchDueBy,
  type CoHandlerAssignment,
  type DispatchPlan,
} from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { CaseError } from './case.errors';
import type { CaseRecord } from './case.state';
import { iso, requireActiveUnit, violation } from './case-guards';

export interface PlanRequest {
  leadUnitId: string;
  coHandlers: ReadonlyArray<{ unitId: string; dueAt?: string | undefined }>;
  note?: string | undefined;
}

/**
 * The units and deadlines of a dispatch at `now`: the lead and co-handlers must be active units,
 * each named once; a co-handler's own deadline lies after now and no later than the lead's. A
 * district office as lead gets its window to pass the case on to its sub-units.
 */
export function dispatchPlan(record: CaseRecord, request: PlanRequest, context: CaseContext): DispatchPlan {
  const { now, calendar, deadlines } = context;
  const leadUnit = requireActiveUnit(context, request.leadUnitId, 'leadUnitId');
  const seen = new Set([request.leadUnitId]);
  request.coHandlers.forEach(({ unitId }, index) => {
    requireActiveUnit(context, unitId, `coHandlers.${index}.unitId`);
    if (seen.has(unitId)) {
      violation(CaseError.DuplicateUnit, `coHandlers.${index}.unitId: unit ${unitId} is named twice`, {
        unitId,
      });
    }
    seen.add(unitId);
  });

  const due = dispatchDeadlines(deadlines, calendar, now, record.profile);
  const assignment = (unitId: string) => ({ unitId, signBy: iso(due.signBy), returnBy: iso(due.returnBy) });
  const coHandlers = request.coHandlers.map(({ unitId, dueAt }, index): CoHandlerAssignment => {
    if (dueAt === undefined) return { ...assignment(unitId), dueAt: iso(due.coHandlerDueAt) };
    const at = new Date(dueAt);
    if (at <= now || at > due.dueAt) {
      violation(
        CaseError.InvalidCoHandlerDueDate,
        `coHandlers.${index}.dueAt: must be after now and no later than the lead's deadline ${iso(due.dueAt)}`,
        { field: `coHandlers.${index}.dueAt` },
      );
    }
    return { ...assignment(unitId), dueAt: iso(at) };
  });

  return {
    caseId: record.caseId,
    lead: {
      ...assignment(request.leadUnitId),
      ...(leadUnit.level === 'district' ? { subDispatchBy: iso(subDispatchDueBy(deadlines, now)) } : {}),
    },
    coHandlers,
    dueAt: iso(due.dueAt),
    limitWorkingDays: due.limitWorkingDays,
    ...(request.note !== undefined ? { note: request.note } : {}),
  };
}
