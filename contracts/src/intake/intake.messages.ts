import type { CommandOf, EventOf } from '../messages/define';
import { BlockCaller, CallerBlocked, CallerUnblocked, UnblockCaller } from './caller-block.messages';
import { classifierModelCommands, classifierModelEvents } from './classifier-model.messages';
import { historicalCaseEvents } from './historical-case.messages';
import { caseNoticeEvents, noticeOptOutCommands, noticeOptOutEvents } from './case-notice.messages';
import { staffNoticeCommands, staffNoticeEvents } from './staff-notice.messages';
import { surveySmsCommands, surveySmsEvents } from './survey-sms.messages';
import {
  AbandonContact,
  AnswerContact,
  DeclineContact,
  MarkContactAsHarassment,
  MergeContactIntoCase,
  RecordContact,
  PostChatMessage,
  RecordContactReply,
  ReferContact,
  RegisterCaseFromContact,
  ReleaseContact,
  SubmitContact,
} from './contact.commands';
import {
  ChatMessagePosted,
  ContactAbandoned,
  ContactAnswered,
  ContactAssessed,
  ContactCaseRegistered,
  ContactMarkedAsHarassment,
  ContactMergedIntoCase,
  ContactNotAccepted,
  ContactQuarantined,
  ContactRecorded,
  ContactReferred,
  ContactReleased,
  ContactReplied,
} from './contact.events';
import {
  CheckCaller,
  ClassifyContent,
  FindDuplicates,
  GetCallerHistory,
  GetCaseRepeatCount,
  GetChatTranscript,
  GetContact,
  GetKnowledgeArticle,
  ListKnowledgeArticles,
  GetSuggestionAccuracy,
  ListOpenContacts,
  SearchKnowledge,
} from './intake.queries';
import {
  DraftKnowledgeArticle,
  KnowledgeArticleApproved,
  KnowledgeArticleDrafted,
  KnowledgeArticleRejected,
  KnowledgeArticleRetired,
  KnowledgeArticleRevised,
  RetireKnowledgeArticle,
  ReviewKnowledgeArticle,
  ReviseKnowledgeArticle,
} from './knowledge-article.messages';

export const contactCommands = [
  RecordContact,
  SubmitContact,
  RegisterCaseFromContact,
  MergeContactIntoCase,
  AnswerContact,
  ReferContact,
  DeclineContact,
  AbandonContact,
  MarkContactAsHarassment,
  ReleaseContact,
  RecordContactReply,
  PostChatMessage,
] as const;

export const contactEvents = [
  ContactRecorded,
  ContactAssessed,
  ContactQuarantined,
  ContactReleased,
  ContactCaseRegistered,
  ContactMergedIntoCase,
  ContactAnswered,
  ContactReferred,
  ContactNotAccepted,
  ContactAbandoned,
  ContactMarkedAsHarassment,
  ContactReplied,
  ChatMessagePosted,
] as const;

export const knowledgeArticleCommands = [
  DraftKnowledgeArticle,
  ReviseKnowledgeArticle,
  ReviewKnowledgeArticle,
  RetireKnowledgeArticle,
] as const;

export const knowledgeArticleEvents = [
  KnowledgeArticleDrafted,
  KnowledgeArticleRevised,
  KnowledgeArticleApproved,
  KnowledgeArticleRejected,
  KnowledgeArticleRetired,
] as const;

export const callerBlockCommands = [BlockCaller, UnblockCaller] as const;
export const callerBlockEvents = [CallerBlocked, CallerUnblocked] as const;

export const intakeQueries = [
  ClassifyContent,
  FindDuplicates,
  SearchKnowledge,
  GetKnowledgeArticle,
  ListKnowledgeArticles,
  GetCallerHistory,
  GetContact,
  ListOpenContacts,
  CheckCaller,
  GetCaseRepeatCount,
  GetChatTranscript,
  GetSuggestionAccuracy,
] as const;

/** Every definition of the intake service, for the platform registry. */
export const intakeDefinitions = [
  ...contactCommands,
  ...contactEvents,
  ...knowledgeArticleCommands,
  ...knowledgeArticleEvents,
  ...callerBlockCommands,
  ...callerBlockEvents,
  ...caseNoticeEvents,
  ...noticeOptOutCommands,
  ...noticeOptOutEvents,
  ...classifierModelCommands,
  ...classifierModelEvents,
  ...historicalCaseEvents,
  ...staffNoticeCommands,
  ...staffNoticeEvents,
  ...surveySmsCommands,
  ...surveySmsEvents,
  ...intakeQueries,
] as const;

export type ContactCommand = CommandOf<(typeof contactCommands)[number]>;
export type ContactEvent = EventOf<(typeof contactEvents)[number]>;
export type KnowledgeArticleCommand = CommandOf<(typeof knowledgeArticleCommands)[number]>;
export type KnowledgeArticleEvent = EventOf<(typeof knowledgeArticleEvents)[number]>;
export type CallerBlockCommand = CommandOf<(typeof callerBlockCommands)[number]>;
export type CallerBlockEvent = EventOf<(typeof callerBlockEvents)[number]>;
export type CaseNoticeEvent = EventOf<(typeof caseNoticeEvents)[number]>;
export type NoticeOptOutCommand = CommandOf<(typeof noticeOptOutCommands)[number]>;
export type NoticeOptOutEvent = EventOf<(typeof noticeOptOutEvents)[number]>;
export type ClassifierModelCommand = CommandOf<(typeof classifierModelCommands)[number]>;
export type ClassifierModelEvent = EventOf<(typeof classifierModelEvents)[number]>;
export type HistoricalCaseEvent = EventOf<(typeof historicalCaseEvents)[number]>;
export type StaffNoticeCommand = CommandOf<(typeof staffNoticeCommands)[number]>;
export type StaffNoticeEvent = EventOf<(typeof staffNoticeEvents)[number]>;
export type SurveySmsCommand = CommandOf<(typeof surveySmsCommands)[number]>;
export type SurveySmsEvent = EventOf<(typeof surveySmsEvents)[number]>;
