import { RuleViolation } from '@hotline/contracts';

/** Every rule of the case workflow a command can break. */
export enum CaseError {
  NotRegistered = 'CASE_NOT_REGISTERED',
  AlreadyRegistered = 'CASE_ALREADY_REGISTERED',
  CaseNumberMissing = 'CASE_NUMBER_MISSING',
  RoleNotAllowed = 'CASE_ROLE_NOT_ALLOWED',
  CaseFinished = 'CASE_FINISHED',
  UnknownCategory = 'CASE_UNKNOWN_CATEGORY',
  CategoryNotLeaf = 'CASE_CATEGORY_NOT_LEAF',
  CategoryRetired = 'CASE_CATEGORY_RETIRED',
  UnknownUnit = 'CASE_UNKNOWN_UNIT',
  UnitInactive = 'CASE_UNIT_INACTIVE',
  NotAnswerable = 'CASE_NOT_ANSWERABLE',
  NotDeclinable = 'CASE_NOT_DECLINABLE',
  NotMergeable = 'CASE_NOT_MERGEABLE',
  MergeIntoSelf = 'CASE_MERGE_INTO_SELF',
  NotLinkable = 'CASE_NOT_LINKABLE',
  DuplicateAlreadyLinked = 'CASE_DUPLICATE_ALREADY_LINKED',
  NotDispatchable = 'CASE_NOT_DISPATCHABLE',
  NotRedispatchable = 'CASE_NOT_REDISPATCHABLE',
  RedispatchToSameUnit = 'CASE_REDISPATCH_TO_SAME_UNIT',
  DuplicateUnit = 'CASE_DUPLICATE_UNIT',
  InvalidCoHandlerDueDate = 'CASE_INVALID_CO_HANDLER_DUE_DATE',
  NotFallbackUnit = 'CASE_NOT_FALLBACK_UNIT',
  FallbackNotAllowed = 'CASE_FALLBACK_NOT_ALLOWED',
  NotSubDispatchable = 'CASE_NOT_SUB_DISPATCHABLE',
  NotSubordinateUnit = 'CASE_NOT_SUBORDINATE_UNIT',
  SubDispatchWindowClosed = 'CASE_SUB_DISPATCH_WINDOW_CLOSED',
  NotReportable = 'CASE_NOT_REPORTABLE',
  AlreadyReportedToLeader = 'CASE_ALREADY_REPORTED_TO_LEADER',
  NotSignable = 'CASE_NOT_SIGNABLE',
  NotReturnable = 'CASE_NOT_RETURNABLE',
  ReturnWindowClosed = 'CASE_RETURN_WINDOW_CLOSED',
  FallbackUnitCannotReturn = 'CASE_FALLBACK_UNIT_CANNOT_RETURN',
  NotExtendable = 'CASE_NOT_EXTENDABLE',
  ExtensionAlreadyPending = 'CASE_EXTENSION_ALREADY_PENDING',
  NoPendingExtension = 'CASE_NO_PENDING_EXTENSION',
  ExtensionNotLater = 'CASE_EXTENSION_NOT_LATER',
  ExtensionTooLate = 'CASE_EXTENSION_TOO_LATE',
  ExtensionTooLong = 'CASE_EXTENSION_TOO_LONG',
  NotReplyable = 'CASE_NOT_REPLYABLE',
  ReplyBeforeSign = 'CASE_REPLY_BEFORE_SIGN',
  CoHandlersPending = 'CASE_CO_HANDLERS_PENDING',
  NotReviewable = 'CASE_NOT_REVIEWABLE',
  CallbackBeforeCompletion = 'CASE_CALLBACK_BEFORE_COMPLETION',
  NotClosable = 'CASE_NOT_CLOSABLE',
  CallbackMissing = 'CASE_CALLBACK_MISSING',
  CallbackWaiverNotApplicable = 'CASE_CALLBACK_WAIVER_NOT_APPLICABLE',
  RedoRequired = 'CASE_REDO_REQUIRED',
  NotRedoable = 'CASE_NOT_REDOABLE',
  NotACoHandler = 'CASE_NOT_A_CO_HANDLER',
}

/** A command the case's rules reject; nothing is appended. */
/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class CaseRuleViolation extends RuleViolation<CaseError> {
  static override readonly kinds = {
    [CaseError.RoleNotAllowed]: 'forbidden',
    [CaseError.NotRegistered]: 'not-found',
  } as const;
}
