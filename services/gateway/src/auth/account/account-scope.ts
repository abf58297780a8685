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

/** Whether `actor` may administer an account or token of `scope`: see `requireAdmin`. */
function administers(actor: Actor, actorDistrict: DistrictId, scope: AccountScope): boolean {
  if (actor.role === 'system' || actor.gatewayRole === 'city-admin') return true;
  return (
    actor.gatewayRole === 'district-admin' &&
    scope.districtId === actorDistrict &&
    !isCityWideRole(scope.role)
  );
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
  if (administers(actor, actorDistrict, scope)) return;
  AccountRuleViolation.raise(
    AccountError.AdminForbidden,
    `${what} is for a city admin, or a district admin of district ${scope.districtId}`,
  );
}

/**
 * `requireAdmin` for an account or token that exists: one outside the admin's scope answers
 * exactly as one that does not exist (`notFound`), so no answer reveals it (docs/security.md).
 */
export function requireAdministered(
  actor: Actor,
  actorDistrict: DistrictId,
  scope: AccountScope,
  notFound: string,
): void {
  if (administers(actor, actorDistrict, scope)) return;
  // A role that administers nothing is refused as such; a district admin is told only "not found".
  if (actor.gatewayRole === 'district-admin') AccountRuleViolation.raise(AccountError.NotFound, notFound);
  requireAdmin(actor, actorDistrict, scope, 'administering an account');
}
