import { RuleViolation } from '@hotline/contracts';

/** Every rule of the KPI targets a command can break. */
export enum KpiTargetsError {
  RoleNotAllowed = 'KPI_TARGETS_ROLE_NOT_ALLOWED',
  VersionConflict = 'KPI_TARGETS_VERSION_CONFLICT',
  UnknownKpi = 'KPI_TARGETS_UNKNOWN_KPI',
  OutOfRange = 'KPI_TARGETS_OUT_OF_RANGE',
}

/** A refused role is 403, a stale edit 409 (reload and edit again), a wrong target 400 naming the KPI. */
export class KpiTargetsRuleViolation extends RuleViolation<KpiTargetsError> {
  static override readonly kinds = {
    [KpiTargetsError.RoleNotAllowed]: 'forbidden',
    [KpiTargetsError.VersionConflict]: 'conflict',
    [KpiTargetsError.UnknownKpi]: 'validation',
    [KpiTargetsError.OutOfRange]: 'validation',
  } as const;
}
