import { RuleViolation } from '@hotline/contracts';

/** Every rule of the city's settings a command can break. */
export enum CitySettingsError {
  RoleNotAllowed = 'SETTINGS_ROLE_NOT_ALLOWED',
  CategoryExists = 'SETTINGS_CATEGORY_EXISTS',
  UnknownCategory = 'SETTINGS_UNKNOWN_CATEGORY',
  UnknownParent = 'SETTINGS_UNKNOWN_PARENT',
  ParentMismatch = 'SETTINGS_PARENT_MISMATCH',
  ParentRetired = 'SETTINGS_PARENT_RETIRED',
  NoCityDay = 'SETTINGS_NO_CITY_DAY',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class CitySettingsRuleViolation extends RuleViolation<CitySettingsError> {
  static override readonly kinds = {
    [CitySettingsError.RoleNotAllowed]: 'forbidden',
  } as const;
}
