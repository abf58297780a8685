import { RuleViolation } from '@hotline/contracts';

/** Every rule of handling units and the dispatch catalogue a command can break. */
export enum UnitError {
  RoleNotAllowed = 'UNIT_ROLE_NOT_ALLOWED',
  AlreadyRegistered = 'UNIT_ALREADY_REGISTERED',
  NotRegistered = 'UNIT_NOT_REGISTERED',
  Inactive = 'UNIT_INACTIVE',
  UnknownParent = 'UNIT_UNKNOWN_PARENT',
  ParentRequired = 'UNIT_PARENT_REQUIRED',
  LevelAboveParent = 'UNIT_LEVEL_ABOVE_PARENT',
  UnknownCategory = 'CATALOGUE_UNKNOWN_CATEGORY',
  UnknownUnit = 'CATALOGUE_UNKNOWN_UNIT',
  UnknownEntry = 'CATALOGUE_UNKNOWN_ENTRY',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class UnitRuleViolation extends RuleViolation<UnitError> {
  static override readonly kinds = {
    [UnitError.RoleNotAllowed]: 'forbidden',
    [UnitError.NotRegistered]: 'not-found',
  } as const;
}
