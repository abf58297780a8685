import type { NotAcceptedReason } from '../workflow/case-reasons';
import type { AttachmentRef, Place } from '../workflow/case.values';
import type { CallerIdentity } from './caller-identity';
import type { ClassificationSuggestion, ContactAssessment, DuplicateSuggestion } from './contact-assessment';
import type {
  ChatParty,
  ContactChannel,
  ContactOutcome,
  EmergencyService,
  QuarantineReason,
} from './intake.values';
import type { KnowledgeReviewStatus } from './knowledge-article.values';

/** What RecordContact and SubmitContact answer. */
export interface ContactReceipt {
  contactId: string;
  /** False when the contact id had been recorded before: nothing new was recorded. */
  recorded: boolean;
  /** Position of the last event written for the contact: pass it as `minPosition` to read it back. */
  position: number;
  assessment: ContactAssessment;
  outcome?: ContactOutcome;
  quarantine?: QuarantineReason;
  caseId?: string;
  caseNumber?: string;
  referral?: EmergencyService;
  notAccepted?: NotAcceptedReason;
  /** The text to send back to the citizen (zh-CN), when the channel replies. */
  reply?: string;
}

/** One contact in the contact log (and in a caller's history). */
export interface ContactView {
  contactId: string;
  districtId: string;
  channel: ContactChannel;
  receivedAt: string;
  caller: CallerIdentity;
  content: string;
  subject?: string;
  attachmentCount: number;
  /** The files the citizen sent (photos of a web form, MMS, mail attachments). */
  attachments?: AttachmentRef[];
  /** Where the matter is, as the citizen gave it (the portal's address and coordinates). */
  place?: Place;
  /** `address`: the district was read from the address (the citizen picked none). */
  districtFrom?: 'address';
  classification?: ClassificationSuggestion;
  duplicates?: DuplicateSuggestion[];
  quarantine?: { reason: QuarantineReason; detail: string };
  outcome?: ContactOutcome;
  caseId?: string;
  caseNumber?: string;
  replies: number;
}

/** GetChatTranscript: a web chat's messages, oldest first. */
export interface ChatTranscript {
  contactId: string;
  messages: Array<{ from: ChatParty; text: string; at: string }>;
  /** The contact's outcome once the agent concluded it (a case registered, …); the chat may go on. */
  outcome?: ContactOutcome;
  caseNumber?: string;
}

export interface CallerHistory {
  phone: string;
  contacts: ContactView[];
  /** The distinct cases of those contacts, newest first. */
  caseIds: string[];
  blocked?: CallerCheck;
}

export interface CallerCheck {
  phone: string;
  blocked: boolean;
  reason?: string;
  expiresAt?: string;
}

export interface KnowledgeHit {
  articleId: string;
  version: number;
  title: string;
  /** The first lines of the body, for a result list. */
  excerpt: string;
  categoryCode?: string;
  tags: string[];
  score: number;
}

export interface KnowledgeArticleView {
  articleId: string;
  /** The approved version served to agents and citizens, if any. */
  served?: {
    version: number;
    title: string;
    body: string;
    categoryCode?: string;
    tags: string[];
    owningUnitId: string;
    validFrom?: string;
    validUntil?: string;
  };
  latestVersion: number;
  latestStatus: KnowledgeReviewStatus;
}

/** One article in the editor's lists: its newest version (the one in review, or the served one). */
export interface KnowledgeArticleListItem {
  articleId: string;
  latestVersion: number;
  latestStatus: KnowledgeReviewStatus;
  latest: {
    title: string;
    body: string;
    categoryCode?: string;
    tags: string[];
    /** The unit that proposed it and answers for it. */
    owningUnitId: string;
  };
  servedVersion?: number;
  /** Why the center sent the newest version back (when `latestStatus` is `rejected`). */
  reviewNote?: string;
}

export interface CaseRepeatCount {
  caseId: string;
  repeats: number;
  lastContactAt?: string;
}

/** How many suggestions were right of how many could be judged. */
export interface SuggestionRate {
  right: number;
  of: number;
}

/** One week (Monday to Sunday, Beijing time) of suggestions against agents' final choices. */
export interface SuggestionAccuracyWeek {
  /** The Monday the week starts on (YYYY-MM-DD, Beijing time). */
  weekStart: string;
  /** Contacts with a suggestion that became cases, by the week they came in. */
  cases: number;
  type: SuggestionRate;
  categoryTop1: SuggestionRate;
  categoryTop3: SuggestionRate;
  /** Against the lead unit that replied; judged once the case has a reply. */
  unitTop1: SuggestionRate;
}

/** What GetSuggestionAccuracy answers: the weeks that have cases, newest first. */
export interface SuggestionAccuracy {
  weeks: SuggestionAccuracyWeek[];
}
