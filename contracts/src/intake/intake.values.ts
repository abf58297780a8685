import { z } from 'zod';
import { ClientId } from '../kernel/ids';

/** The service that owns contacts, knowledge articles and the caller blocklist. */
export const INTAKE_SERVICE = 'intake';

/**
 * Stream categories: `contact-<contactId>`, `kbArticle-<articleId>`, `callerBlock-<phone>`,
 * `caseNotice-<caseId>` (the SMS a citizen gets about a case), `noticeOptOut-<phone>`.
 */
export const CONTACT_CATEGORY = 'contact';
export const KB_ARTICLE_CATEGORY = 'kbArticle';
export const CALLER_BLOCK_CATEGORY = 'callerBlock';
export const CASE_NOTICE_CATEGORY = 'caseNotice';
export const NOTICE_OPT_OUT_CATEGORY = 'noticeOptOut';
export const CLASSIFIER_MODEL_CATEGORY = 'classifierModel';
export const HISTORICAL_CASE_CATEGORY = 'historicalCase';
/** `staffNotice-<noticeId>`: an SMS or mail to a unit's staff, sent once. */
export const STAFF_NOTICE_CATEGORY = 'staffNotice';
/** `surveySms-<smsId>`: the survey's SMS (a callback link) to a citizen, sent once. */
export const SURVEY_SMS_CATEGORY = 'surveySms';

export const ContactId = ClientId;
export const KnowledgeArticleId = ClientId;

/** How the citizen reached the hotline. Every contact is recorded, whether or not it becomes a case. */
/** `chat`: a web chat from the portal, answered live by an agent through the router. */
export const ContactChannel = z.enum([
  'phone',
  'web',
  'chat',
  'sms',
  'email',
  'wechat',
  'mayor-mailbox',
  'api',
]);
export type ContactChannel = z.infer<typeof ContactChannel>;

/** How a contact ended. A contact without an outcome is still open (awaiting an agent). */
export const ContactOutcome = z.enum([
  'case-registered',
  'merged-into-case', // a repeat of an open case: counted on that case
  'answered-directly', // 直接答复, usually from a knowledge article
  'referred', // an emergency handed to 110/119/120/122
  'not-accepted', // 不予受理
  'abandoned', // the caller hung up or never completed the message
  'harassment',
]);
export type ContactOutcome = z.infer<typeof ContactOutcome>;

/** The emergency numbers a contact is referred to: police, fire, ambulance, traffic police. */
export const EmergencyService = z.enum(['110', '119', '120', '122']);
export type EmergencyService = z.infer<typeof EmergencyService>;

/** Why a contact was set aside for a person to look at before anything else happens. */
export const QuarantineReason = z.enum([
  'flood', // too many messages from one sender within the window
  'blocklisted', // the number is on the blocklist
  'attachment-refused', // an executable, an oversized file or too many files: not kept
  'unreadable', // the content could not be decoded as text
]);
export type QuarantineReason = z.infer<typeof QuarantineReason>;

export const MAX_CONTACT_CONTENT_LENGTH = 4000;
export const ContactContent = z.string().trim().min(1).max(MAX_CONTACT_CONTENT_LENGTH);
export const ContactSubject = z.string().trim().min(1).max(200);
/** One message of a web chat: a few sentences, never a document. */
export const MAX_CHAT_MESSAGE_LENGTH = 1000;
export const ChatText = z.string().trim().min(1).max(MAX_CHAT_MESSAGE_LENGTH);
/** Who wrote a chat message: the citizen on the portal, or the agent at the desk. */
export const ChatParty = z.enum(['citizen', 'agent']);
export type ChatParty = z.infer<typeof ChatParty>;
/** The channel's own id of the message (Message-ID, WeChat MsgId, SMPP message id), for tracing. */
export const ExternalRef = z.string().trim().min(1).max(256);
