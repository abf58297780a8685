import { RuleViolation } from '@hotline/contracts';

/** Every rule of reminders (催办) a command can break. */
export enum ReminderError {
  RoleNotAllowed = 'REMINDER_ROLE_NOT_ALLOWED',
  CaseNotFound = 'REMINDER_CASE_NOT_FOUND',
  OutOfScope = 'REMINDER_OUT_OF_SCOPE',
  CaseClosed = 'REMINDER_CASE_CLOSED',
  CaseNotDispatched = 'REMINDER_CASE_NOT_DISPATCHED',
  IdTaken = 'REMINDER_ID_TAKEN',
  NotFound = 'REMINDER_NOT_FOUND',
  ChannelNotUsed = 'REMINDER_CHANNEL_NOT_USED',
}

export class ReminderRuleViolation extends RuleViolation<ReminderError> {
  static override readonly kinds = {
    [ReminderError.RoleNotAllowed]: 'forbidden',
    [ReminderError.OutOfScope]: 'forbidden',
    [ReminderError.CaseNotFound]: 'not-found',
    [ReminderError.NotFound]: 'not-found',
  } as const;
}
