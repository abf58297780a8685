import { RuleViolation } from '@hotline/contracts';

export enum AccountError {
  Exists = 'ACCOUNT_EXISTS',
  NotFound = 'ACCOUNT_NOT_FOUND',
  ScopeInvalid = 'ACCOUNT_SCOPE_INVALID',
  AdminForbidden = 'ACCOUNT_ADMIN_FORBIDDEN',
  NotOwner = 'ACCOUNT_NOT_OWNER',
  Disabled = 'ACCOUNT_DISABLED',
  Locked = 'ACCOUNT_LOCKED',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class AccountRuleViolation extends RuleViolation<AccountError> {
  static override readonly kinds = {
    [AccountError.NotFound]: 'not-found',
    [AccountError.AdminForbidden]: 'forbidden',
  } as const;
}
