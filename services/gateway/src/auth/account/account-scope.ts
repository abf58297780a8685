import {
  CITY_DISTRICT,
  isCityWideRole,
  isUnitRole,
  type AccountScope,
  type Actor,
  type DistrictId,
} from '@hotline/contracts';
import { AccountError, AccountRuleViolation } from './account.errors';

/** A scope must fit its role: city-wide roles in `city`, unit roles with a unit, others without. */
export function checkScope(scope: AccountScope): void {
  const { role, districtId, unitId } = scope;
  if (isCityWideRole(role) && districtId !== CITY_DISTRICT) {
    AccountRuleViolation.raise(
      AccountError.ScopeInvalid,
      `role ${role} is city-wide: its district must be city`,
    );
  }
  if (role === 'district-admin' && districtId === CITY_DISTRICT) {
    AccountRuleViolation.raise(
      AccountError.ScopeInvalid,
      'a district-admin needs a district other than city',
    );
  }
  if (isUnitRole(role) && unitId === undefined) {
    AccountRuleViolation.raise(AccountError.ScopeInvalid, `role ${role} needs a unit`);
  }
  if (!isUnitRole(role) && unitId !== undefined) {
    AccountRuleViolation.raise(AccountError.ScopeInvalid, `role ${role} is not bound to a unit`);
  }
}

/**
 * Who may administer an account of `scope`: the platform itself (seeding), a city admin, or a
 * district admin for accounts of its own district that are not city-wide.
 */
export function requireAdmin(
  actor: Actor,
  actorDistrict: DistrictId,
  scope: AccountScope,
  what: string,
): void {
  if (actor.role === 'system' || actor.gatewayRole === 'city-admin') return;
  if (
    actor.gatewayRole === 'district-admin' &&
    scope.districtId === actorDistrict &&
    !isCityWideRole(scope.role)
  ) {
    return;
  }
  AccountRuleViolation.raise(
    AccountError.AdminForbidden,
    `${what} is for a city admin, or a district admin of district ${scope.districtId}`,
  );
}
