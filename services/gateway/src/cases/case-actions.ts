import type { CaseCommandType } from '@hotline/contracts';

/**
 * `POST /api/cases/:caseId/<action>`: the command each action sends. RegisterCase is
 * `POST /api/cases`; every other case command has exactly one action here.
 */
export const CASE_ACTIONS = {
  answer: 'AnswerCaseAtIntake',
  decline: 'DeclineCase',
  merge: 'MergeCase',
  'link-duplicate': 'LinkDuplicateCase',
  dispatch: 'DispatchCase',
  redispatch: 'RedispatchCase',
  'dispatch-to-fallback': 'DispatchCaseToFallbackUnit',
  'sub-dispatch': 'SubDispatchCase',
  'report-to-leader': 'ReportCaseToLeader',
  instruction: 'RecordLeaderInstruction',
  sign: 'SignCase',
  return: 'ReturnCase',
  'extension/request': 'RequestCaseExtension',
  'extension/approve': 'ApproveCaseExtension',
  'extension/reject': 'RejectCaseExtension',
  'co-handler-reply': 'SubmitCoHandlerReply',
  reply: 'SubmitCaseReply',
  'review/accept': 'AcceptCaseReply',
  'review/send-back': 'SendBackCaseReply',
  callback: 'RecordCaseCallback',
  close: 'CloseCase',
  redo: 'RedoCase',
  'public-record-review': 'ReviewPublicRecord',
} as const satisfies Record<string, Exclude<CaseCommandType, 'RegisterCase'>>;

export type CaseAction = keyof typeof CASE_ACTIONS;

export const isCaseAction = (action: string): action is CaseAction => Object.hasOwn(CASE_ACTIONS, action);
