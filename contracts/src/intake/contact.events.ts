import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { NotAcceptedReason } from '../workflow/case-reasons';
import { Attachments, CaseContent, CaseId, IsoDateTime, Note, Place } from '../workflow/case.values';
import { CallerIdentity } from './caller-identity';
import { ContactAssessment } from './contact-assessment';
import {
  ChatParty,
  ChatText,
  CONTACT_CATEGORY,
  ContactChannel,
  ContactContent,
  ContactId,
  ContactSubject,
  EmergencyService,
  ExternalRef,
  KnowledgeArticleId,
  QuarantineReason,
} from './intake.values';

const CaseNumberText = z.string().min(1).max(16);

export const ContactRecorded = defineEvent({
  type: 'ContactRecorded',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'A citizen contacted the hotline (call, web form, SMS, email, WeChat, mailbox, API).',
  schema: z.object({
    contactId: ContactId,
    channel: ContactChannel,
    receivedAt: IsoDateTime,
    caller: CallerIdentity,
    content: ContactContent,
    subject: ContactSubject.optional(),
    attachments: Attachments,
    place: Place.optional(),
    externalRef: ExternalRef.optional(),
  }),
});

export const ContactAssessed = defineEvent({
  type: 'ContactAssessed',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'Suggestions for the contact: type, category, emergency, not-accepted reason, likely duplicates.',
  schema: ContactAssessment.extend({ contactId: ContactId }),
});

export const ContactQuarantined = defineEvent({
  type: 'ContactQuarantined',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The contact was set aside for a person to review (flood, blocklisted number, bad attachment).',
  schema: z.object({ contactId: ContactId, reason: QuarantineReason, detail: Note }),
});

export const ContactReleased = defineEvent({
  type: 'ContactReleased',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'A quarantined contact was released for normal handling.',
  schema: z.object({ contactId: ContactId, note: Note.optional() }),
});

export const ContactCaseRegistered = defineEvent({
  type: 'ContactCaseRegistered',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The contact became a case (受理).',
  schema: z.object({ contactId: ContactId, caseId: CaseId, caseNumber: CaseNumberText.optional() }),
});

export const ContactMergedIntoCase = defineEvent({
  type: 'ContactMergedIntoCase',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The contact repeats an open case and was merged into it (并单); it counts as a repeat contact.',
  schema: z.object({
    contactId: ContactId,
    caseId: CaseId,
    caseNumber: CaseNumberText.optional(),
    similarity: z.number().min(0).max(1).optional(),
    /** Merged by the platform (web and SMS from the same caller), not by an agent. */
    automatic: z.boolean(),
  }),
});

export const ContactAnswered = defineEvent({
  type: 'ContactAnswered',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The contact was answered directly (直接答复), citing the knowledge article used.',
  schema: z.object({
    contactId: ContactId,
    caseId: CaseId.optional(),
    answer: CaseContent,
    knowledgeArticleId: KnowledgeArticleId.optional(),
  }),
});

export const ContactReferred = defineEvent({
  type: 'ContactReferred',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'An emergency was referred at once to 110, 119, 120 or 122.',
  schema: z.object({ contactId: ContactId, service: EmergencyService, explanation: Note }),
});

export const ContactNotAccepted = defineEvent({
  type: 'ContactNotAccepted',
  version: 1,
  category: CONTACT_CATEGORY,
  summary:
    'The contact is not accepted (不予受理), with the reason and the explanation given to the citizen.',
  schema: z.object({ contactId: ContactId, reason: NotAcceptedReason, explanation: Note }),
});

export const ContactAbandoned = defineEvent({
  type: 'ContactAbandoned',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The caller hung up or never completed the message.',
  schema: z.object({ contactId: ContactId, note: Note.optional() }),
});

export const ContactMarkedAsHarassment = defineEvent({
  type: 'ContactMarkedAsHarassment',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'The contact was abusive or a prank (骚扰); it may lead to blocking the number.',
  schema: z.object({ contactId: ContactId, note: Note }),
});

export const ContactReplied = defineEvent({
  type: 'ContactReplied',
  version: 1,
  category: CONTACT_CATEGORY,
  summary: 'A reply went back to the citizen through the channel of the contact (SMS, email, WeChat).',
  schema: z.object({ contactId: ContactId, text: Note }),
});

export const ChatMessagePosted = defineEvent({
  type: 'ChatMessagePosted',
  version: 1,
  category: CONTACT_CATEGORY,
  summary:
    "A message of a web chat, from the citizen or the agent: the contact's transcript (its first message is the contact's content).",
  schema: z.object({ contactId: ContactId, from: ChatParty, text: ChatText, at: IsoDateTime }),
});
