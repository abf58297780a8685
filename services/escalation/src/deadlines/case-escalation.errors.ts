import { RuleViolation } from '@hotline/contracts';

/** Every rule of a case's escalation stream a command can break. */
export enum CaseEscalationError {
  RoleNotAllowed = 'ESCALATION_ROLE_NOT_ALLOWED',
}

export class CaseEscalationRuleViolation extends RuleViolation<CaseEscalationError> {
  static override readonly kinds = { [CaseEscalationError.RoleNotAllowed]: 'forbidden' } as const;
}
