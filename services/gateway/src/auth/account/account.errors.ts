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

export class AccountRuleViolation extends RuleViolation<AccountError> {}
