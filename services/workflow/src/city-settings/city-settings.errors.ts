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

/** Names the offending field at the top of the error body too, as the settings screens expect. */
export class CitySettingsRuleViolation extends RuleViolation {
  override readonly field: string | undefined;

  constructor(
    override readonly code: CitySettingsError,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
    this.field = typeof details?.field === 'string' ? details.field : undefined;
  }
}

export function settingsViolation(
  code: CitySettingsError,
  message: string,
  details?: Record<string, unknown>,
): never {
  throw new CitySettingsRuleViolation(code, message, details);
}
