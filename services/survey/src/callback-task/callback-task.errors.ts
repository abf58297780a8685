import { RuleViolation } from '@hotline/contracts';

export enum CallbackTaskError {
  RoleNotAllowed = 'CALLBACK_ROLE_NOT_ALLOWED',
  CaseNotFound = 'CALLBACK_CASE_NOT_FOUND',
  CaseNotFinished = 'CALLBACK_CASE_NOT_FINISHED',
  TaskExists = 'CALLBACK_TASK_EXISTS',
  TaskNotFound = 'CALLBACK_TASK_NOT_FOUND',
  TaskFinished = 'CALLBACK_TASK_FINISHED',
  NoPhone = 'CALLBACK_NO_PHONE',
  WrongMethod = 'CALLBACK_WRONG_METHOD',
  NoFaultToJudge = 'CALLBACK_NO_FAULT_TO_JUDGE',
  LinkInvalid = 'CALLBACK_LINK_INVALID',
  LinkExpired = 'CALLBACK_LINK_EXPIRED',
}

/** A refused role is 403, an unknown task, case or link 404, any other rule 422. */
export class CallbackTaskRuleViolation extends RuleViolation<CallbackTaskError> {
  static override readonly kinds = {
    [CallbackTaskError.RoleNotAllowed]: 'forbidden',
    [CallbackTaskError.CaseNotFound]: 'not-found',
    [CallbackTaskError.TaskNotFound]: 'not-found',
    [CallbackTaskError.LinkInvalid]: 'not-found',
  } as const;
}
