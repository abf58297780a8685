import { RuleViolation } from '@hotline/contracts';

export enum ContactError {
  AlreadyRecorded = 'CONTACT_ALREADY_RECORDED',
  NotRecorded = 'CONTACT_NOT_RECORDED',
  AlreadyConcluded = 'CONTACT_ALREADY_CONCLUDED',
  Quarantined = 'CONTACT_QUARANTINED',
  NotQuarantined = 'CONTACT_NOT_QUARANTINED',
  UseReferral = 'CONTACT_USE_REFERRAL',
  NoReplyChannel = 'CONTACT_NO_REPLY_CHANNEL',
  RoleNotAllowed = 'CONTACT_ROLE_NOT_ALLOWED',
  NotAChat = 'CONTACT_NOT_A_CHAT',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class ContactRuleViolation extends RuleViolation<ContactError> {
  static override readonly kinds = {
    [ContactError.RoleNotAllowed]: 'forbidden',
    [ContactError.NotRecorded]: 'not-found',
  } as const;
}
