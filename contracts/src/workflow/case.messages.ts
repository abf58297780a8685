import type { CommandOf, EventOf } from '../messages/define';
import {
  AcceptCaseReply,
  CloseCase,
  RecordCaseCallback,
  RedoCase,
  ReviewPublicRecord,
  SendBackCaseReply,
} from './commands/closure.commands';
import {
  DispatchCase,
  DispatchCaseToFallbackUnit,
  RecordLeaderInstruction,
  RedispatchCase,
  ReportCaseToLeader,
  SubDispatchCase,
} from './commands/dispatch.commands';
import {
  ApproveCaseExtension,
  RejectCaseExtension,
  RequestCaseExtension,
  ReturnCase,
  SignCase,
  SubmitCaseReply,
  SubmitCoHandlerReply,
} from './commands/handling.commands';
import {
  AnswerCaseAtIntake,
  DeclineCase,
  LinkDuplicateCase,
  MergeCase,
  RecordCaseRepeatContact,
  RegisterCase,
} from './commands/intake.commands';
import {
  CaseCallbackRecorded,
  CaseClosed,
  CaseCompleted,
  CaseRedone,
  CasePublicRecordReviewed,
  CaseReplySentBack,
} from './events/closure.events';
import {
  CaseDispatched,
  CaseDispatchedToFallbackUnit,
  CaseLeaderInstructionRecorded,
  CaseRedispatched,
  CaseReportedToLeader,
  CaseSubDispatched,
} from './events/dispatch.events';
import {
  CaseCoHandlerReplied,
  CaseExtensionApproved,
  CaseExtensionRejected,
  CaseExtensionRequested,
  CaseReplied,
  CaseReturned,
  CaseSigned,
} from './events/handling.events';
import {
  CaseAnsweredAtIntake,
  CaseDeclined,
  CaseDuplicateLinked,
  CaseMerged,
  CaseRegistered,
  CaseRepeatContactRecorded,
} from './events/intake.events';

/** Every command of the case aggregate, for the registry, the handlers and the AsyncAPI document. */
export const caseCommands = [
  RegisterCase,
  AnswerCaseAtIntake,
  DeclineCase,
  MergeCase,
  LinkDuplicateCase,
  DispatchCase,
  RedispatchCase,
  DispatchCaseToFallbackUnit,
  SubDispatchCase,
  ReportCaseToLeader,
  RecordLeaderInstruction,
  SignCase,
  ReturnCase,
  RequestCaseExtension,
  ApproveCaseExtension,
  RejectCaseExtension,
  SubmitCoHandlerReply,
  SubmitCaseReply,
  AcceptCaseReply,
  SendBackCaseReply,
  RecordCaseCallback,
  CloseCase,
  RedoCase,
  RecordCaseRepeatContact,
  ReviewPublicRecord,
] as const;

/** Every event of the case aggregate (stream category `case`). */
export const caseEvents = [
  CaseRegistered,
  CaseAnsweredAtIntake,
  CaseDeclined,
  CaseMerged,
  CaseDuplicateLinked,
  CaseDispatched,
  CaseRedispatched,
  CaseDispatchedToFallbackUnit,
  CaseSubDispatched,
  CaseReportedToLeader,
  CaseLeaderInstructionRecorded,
  CaseSigned,
  CaseReturned,
  CaseExtensionRequested,
  CaseExtensionApproved,
  CaseExtensionRejected,
  CaseCoHandlerReplied,
  CaseReplied,
  CaseCompleted,
  CaseReplySentBack,
  CaseCallbackRecorded,
  CaseClosed,
  CaseRedone,
  CaseRepeatContactRecorded,
  CasePublicRecordReviewed,
] as const;

export type CaseCommand = CommandOf<(typeof caseCommands)[number]>;
export type CaseEvent = EventOf<(typeof caseEvents)[number]>;
export type CaseCommandType = CaseCommand['type'];
export type CaseEventType = CaseEvent['type'];
