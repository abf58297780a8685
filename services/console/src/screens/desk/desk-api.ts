import { apiGet, apiPost, newCommandId } from '../../api/http';

import type {
  AttachmentRef,
  CallerHistory,
  CaseType,
  ClassificationSuggestion,
  ContactReceipt,
  ContactView,
  DuplicateSuggestion,
  EmergencyService,
  KnowledgeArticleView,
  KnowledgeHit,
  NotAcceptedReason,
} from '@hotline/contracts';

export type {
  CallerHistory,
  ContactView,
  CaseType,
  ClassificationSuggestion,
  ContactReceipt,
  DuplicateSuggestion,
  EmergencyService,
  KnowledgeHit,
  NotAcceptedReason,
};

export const CASE_TYPES = [
  'consult',
  'complaint',
  'report',
  'suggestion',
  'help',
  'praise',
] as const satisfies readonly CaseType[];

export const NOT_ACCEPTED_REASONS = [
  'secrets-or-privacy',
  'other-authority',
  'in-legal-proceedings',
  'already-being-handled',
  'already-concluded',
  'emergency-110',
  'emergency-119',
  'emergency-120',
  'emergency-122',
  'outside-jurisdiction',
] as const satisfies readonly NotAcceptedReason[];

/** What the contact actions answer: the command result and the case when one was registered. */
export interface ContactActionReply {
  contactId: string;
  position: number;
  caseId?: string;
  caseNumber?: string;
}

/** What the agent typed: the contact and the case registered from it share it. */
export interface IntakeDraft {
  type?: CaseType;
  categoryCode?: string;
  content: string;
  name?: string;
  phone?: string;
  address?: string;
  confidential: boolean;
  anonymous: boolean;
  place?: string;
  /** The coordinates a waiting message came with; they travel with its place into the case. */
  coordinates?: { lat: number; lng: number };
  urgency: 'normal' | 'urgent';
  attachments: AttachmentRef[];
}

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

const placeOf = (draft: IntakeDraft): { address: string; lat?: number; lng?: number } | undefined => {
  const address = clean(draft.place);
  return address === undefined ? undefined : { address, ...draft.coordinates };
};

const defined = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;

/** By POST: the number stays out of the URL, so no access log holds it. */
export const callerHistory = (phone: string): Promise<CallerHistory> =>
  apiPost<CallerHistory>('/api/callers/history', { phone: phone.trim(), limit: 20 });

export const classify = (content: string): Promise<ClassificationSuggestion> =>
  apiPost<ClassificationSuggestion>('/api/intake/classification', { content, channel: 'phone' });

export const findDuplicates = (draft: IntakeDraft): Promise<DuplicateSuggestion[]> =>
  apiPost<{ duplicates: DuplicateSuggestion[] }>(
    '/api/intake/duplicates',
    defined({
      content: draft.content,
      phone: clean(draft.phone),
      categoryCode: draft.categoryCode,
      place: placeOf(draft),
    }),
  ).then((answer) => answer.duplicates);

export const searchKnowledge = (q: string): Promise<KnowledgeHit[]> =>
  apiGet<{ hits: KnowledgeHit[] }>('/api/knowledge/search', { q, limit: '8' }).then((answer) => answer.hits);

export const getArticle = (articleId: string): Promise<KnowledgeArticleView> =>
  apiGet<KnowledgeArticleView>(`/api/knowledge/${encodeURIComponent(articleId)}`);

/** Records the call as a contact; repeating it with the same contact id records nothing new. */
export const recordContact = (contactId: string, draft: IntakeDraft): Promise<ContactReceipt> =>
  apiPost<ContactReceipt>(
    '/api/contacts',
    defined({
      commandId: `record-${contactId}`,
      contactId,
      channel: 'phone',
      caller: defined({
        name: clean(draft.name),
        phone: clean(draft.phone),
        address: clean(draft.address),
        anonymous: draft.anonymous,
      }),
      content: draft.content,
      attachments: draft.attachments,
      place: placeOf(draft),
    }),
  );

const citizenOf = (draft: IntakeDraft) =>
  defined({
    name: clean(draft.name),
    phone: clean(draft.phone),
    address: clean(draft.address),
    confidential: draft.confidential,
    anonymous: draft.anonymous,
  });

const contactAction = (contactId: string, action: string, body: Record<string, unknown>) =>
  apiPost<ContactActionReply>(`/api/contacts/${encodeURIComponent(contactId)}/${action}`, {
    commandId: `${action}-${contactId}`,
    ...body,
  });

export const registerCase = (contactId: string, caseId: string, draft: IntakeDraft) =>
  contactAction(
    contactId,
    'register-case',
    defined({
      caseId,
      type: draft.type,
      categoryCode: draft.categoryCode,
      content: draft.content,
      citizen: citizenOf(draft),
      place: placeOf(draft),
      urgency: draft.urgency,
    }),
  );

export const mergeIntoCase = (contactId: string, caseId: string) =>
  contactAction(contactId, 'merge', { caseId });

export const answerDirectly = (
  contactId: string,
  caseId: string,
  draft: IntakeDraft,
  answer: string,
  knowledgeArticleId?: string,
) =>
  contactAction(
    contactId,
    'answer',
    defined({ caseId, type: draft.type, categoryCode: draft.categoryCode, answer, knowledgeArticleId }),
  );

export const referContact = (contactId: string, service: EmergencyService, explanation?: string) =>
  contactAction(contactId, 'refer', defined({ service, explanation: clean(explanation) }));

export const declineContact = (contactId: string, reason: NotAcceptedReason, explanation?: string) =>
  contactAction(contactId, 'decline', defined({ reason, explanation: clean(explanation) }));

export { newCommandId };

/** Contacts waiting for an agent (messages, mailbox letters), oldest first. */
export const openContacts = (quarantined = false): Promise<ContactView[]> =>
  apiGet<{ contacts: ContactView[] }>('/api/contacts', { limit: 200, quarantined }).then(
    (answer) => answer.contacts,
  );

/** Lets a quarantined contact (flood, blocklisted sender, refused attachment) be handled normally. */
export const releaseContact = (contactId: string) => contactAction(contactId, 'release', {});

export const getContact = (contactId: string): Promise<ContactView> =>
  apiGet<ContactView>(`/api/contacts/${encodeURIComponent(contactId)}`);
