import { CITY_DISTRICT, WorkflowRole, type CaseStatus, type UnitSnapshot } from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { CaseError, CaseRuleViolation } from './case.errors';
import { TERMINAL_STATUSES, type CaseRecord, type CaseState } from './case.state';

export function violation(code: CaseError, message: string, details?: Record<string, unknown>): never {
  throw new CaseRuleViolation(code, message, details);
}

export const iso = (at: Date): string => at.toISOString();

export function requireRole(context: CaseContext, roles: readonly WorkflowRole[], action: string): void {
  if (!(roles as readonly string[]).includes(context.actor.role)) {
    violation(CaseError.RoleNotAllowed, `${action} is for ${roles.join(', ')}, not ${context.actor.role}`, {
      role: context.actor.role,
    });
  }
}

/** The unit a unit user acts for. */
export function actingUnit(context: CaseContext, action: string): string {
  const { role, unitId } = context.actor;
  if (role !== WorkflowRole.Unit || unitId === undefined) {
    return violation(CaseError.RoleNotAllowed, `${action} is for a handling unit's user`, { role });
  }
  return unitId;
}

/**
 * The case, if it exists for the caller. A unit user outside the case (none of the units it was
 * ever given is the user's unit or below it) gets exactly the answer for a case that does not
 * exist, so no answer reveals a case outside the caller's scope (docs/security.md).
 */
/**
 * A case belongs to the district it was registered in (`streamDistrictId`, from its first event).
 * Hotline staff of another district may not act on it; the city-wide tenant may act on any. A
 * handling unit's user may act wherever the case was dispatched to its unit (the unit scope says
 * that), because the city centre and the portal register cases for every district's units.
 */
export function requireDistrict(context: CaseContext): void {
  const caseDistrict = context.streamDistrictId;
  const callerDistrict = context.districtId;
  if (caseDistrict === undefined || context.actor.role === WorkflowRole.Unit) return;
  if (callerDistrict === CITY_DISTRICT || callerDistrict === caseDistrict) return;
  violation(
    CaseError.OutsideDistrict,
    `the case belongs to district ${caseDistrict}; district ${callerDistrict} cannot act on it`,
    { caseDistrict, callerDistrict },
  );
}

export function requireRecord(state: CaseState, context: CaseContext): CaseRecord {
  if (state.status === 'none' || !inUnitScope(state, context)) {
    return violation(CaseError.NotRegistered, 'the case has not been registered');
  }
  return state;
}

function inUnitScope(record: CaseRecord, context: CaseContext): boolean {
  const { role, unitId } = context.actor;
  if (role !== WorkflowRole.Unit) return true;
  if (unitId === undefined) return false;
  return record.involvedUnitIds.some((involved) => isAtOrBelow(context.units, involved, unitId));
}

/** Whether `unitId` is `ancestorId` or a unit below it (bounded: a directory has a handful of levels). */
function isAtOrBelow(units: CaseContext['units'], unitId: string, ancestorId: string): boolean {
  let id: string | undefined = unitId;
  for (let depth = 0; id !== undefined && depth < 16; depth++, id = units[id]?.parentId) {
    if (id === ancestorId) return true;
  }
  return false;
}

/**
 * The case must be in one of `allowed`; a finished case (closed, declined, merged) says so,
 * anything else is the command's own rule.
 */
export function requireStatus(
  record: CaseRecord,
  allowed: readonly CaseStatus[],
  code: CaseError,
  action: string,
): void {
  if (allowed.includes(record.status)) return;
  if (TERMINAL_STATUSES.includes(record.status)) {
    violation(CaseError.CaseFinished, `${action}: the case is ${record.status}`, { status: record.status });
  }
  violation(code, `${action} is not possible while the case is ${record.status}`, { status: record.status });
}

/** A unit the case may be sent to: known and active. `field` names the command field for the error. */
export function requireActiveUnit(context: CaseContext, unitId: string, field: string): UnitSnapshot {
  const unit = context.units[unitId];
  if (unit === undefined)
    return violation(CaseError.UnknownUnit, `${field}: unit ${unitId} is unknown`, { field, unitId });
  if (!unit.active)
    violation(CaseError.UnitInactive, `${field}: unit ${unitId} is not active`, { field, unitId });
  return unit;
}
