import type { NotAcceptedReason } from '../workflow/case-reasons';
import type { CallerIdentity } from './caller-identity';
import type { ClassificationSuggestion, ContactAssessment, DuplicateSuggestion } from './contact-assessment';
import type { ContactChannel, ContactOutcome, EmergencyService, QuarantineReason } from './intake.values';
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
  classification?: ClassificationSuggestion;
  duplicates?: DuplicateSuggestion[];
  quarantine?: { reason: QuarantineReason; detail: string };
  outcome?: ContactOutcome;
  caseId?: string;
  caseNumber?: string;
  replies: number;
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

export interface CaseRepeatCount {
  caseId: string;
  repeats: number;
  lastContactAt?: string;
}
