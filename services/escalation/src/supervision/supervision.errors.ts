import { RuleViolation } from '@hotline/contracts';

/** Every rule of supervision (督办) a command can break. */
export enum SupervisionError {
  RoleNotAllowed = 'SUPERVISION_ROLE_NOT_ALLOWED',
  CaseNotFound = 'SUPERVISION_CASE_NOT_FOUND',
  OutOfScope = 'SUPERVISION_OUT_OF_SCOPE',
  CaseFinished = 'SUPERVISION_CASE_FINISHED',
  CaseNotDispatched = 'SUPERVISION_CASE_NOT_DISPATCHED',
  RectificationDeadlineInPast = 'SUPERVISION_RECTIFICATION_DEADLINE_IN_PAST',
  AlreadyOpened = 'SUPERVISION_ALREADY_OPENED',
  NotFound = 'SUPERVISION_NOT_FOUND',
  NotOpen = 'SUPERVISION_NOT_OPEN',
}

/** A refused role or a case outside the caller's district is 403, an unknown target 404, a past deadline 400. */
export class SupervisionRuleViolation extends RuleViolation<SupervisionError> {
  static override readonly kinds = {
    [SupervisionError.RoleNotAllowed]: 'forbidden',
    [SupervisionError.OutOfScope]: 'forbidden',
    [SupervisionError.CaseNotFound]: 'not-found',
    [SupervisionError.NotFound]: 'not-found',
    [SupervisionError.RectificationDeadlineInPast]: 'validation',
  } as const;
}
