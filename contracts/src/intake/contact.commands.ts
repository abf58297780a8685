import { z } from 'zod';
import { defineCommand } from '../messages/define';
import { NotAcceptedReason } from '../workflow/case-reasons';
import {
  Attachments,
  CaseContent,
  CaseId,
  CaseType,
  CategoryCode,
  IsoDateTime,
  Note,
  Place,
  Urgency,
} from '../workflow/case.values';
import { CitizenInput } from '../workflow/citizen';
import { CallerIdentityInput } from './caller-identity';
import {
  ChatParty,
  ChatText,
  ContactChannel,
  ContactContent,
  ContactId,
  ContactSubject,
  EmergencyService,
  ExternalRef,
  INTAKE_SERVICE,
  KnowledgeArticleId,
} from './intake.values';

/** What every channel knows of an incoming contact. */
export const ContactInput = z.object({
  contactId: ContactId,
  channel: ContactChannel,
  /** When the channel received it; default: when the command is handled. */
  receivedAt: IsoDateTime.optional(),
  caller: CallerIdentityInput.default({ anonymous: false }),
  content: ContactContent,
  subject: ContactSubject.optional(),
  attachments: Attachments.default([]),
  place: Place.optional(),
  externalRef: ExternalRef.optional(),
});

export const RecordContact = defineCommand({
  type: 'RecordContact',
  service: INTAKE_SERVICE,
  summary:
    'Record a contact as an agent takes it (phone, walk-in), with suggestions: type, category, emergency, not-accepted rule, duplicates.',
  schema: ContactInput,
});

export const SubmitContact = defineCommand({
  type: 'SubmitContact',
  service: INTAKE_SERVICE,
  summary:
    'Take a self-service contact (web portal, API): record it, refer emergencies, merge repeats, register a case when the classification is clear; the reply says what happened.',
  schema: ContactInput,
});

export const RegisterCaseFromContact = defineCommand({
  type: 'RegisterCaseFromContact',
  service: INTAKE_SERVICE,
  summary:
    'Register the contact as a case (受理) in the workflow service and record the case on the contact.',
  schema: z.object({
    contactId: ContactId,
    caseId: CaseId,
    type: CaseType,
    categoryCode: CategoryCode,
    /** Default: the contact's content. */
    content: CaseContent.optional(),
    /** Default: from the caller identity. */
    citizen: CitizenInput.optional(),
    place: Place.optional(),
    urgency: Urgency.default('normal'),
    simple: z.boolean().default(false),
  }),
});

export const MergeContactIntoCase = defineCommand({
  type: 'MergeContactIntoCase',
  service: INTAKE_SERVICE,
  summary: 'Merge the contact into an open case it repeats (并单); the case counts one more repeat contact.',
  schema: z.object({ contactId: ContactId, caseId: CaseId }),
});

export const AnswerContact = defineCommand({
  type: 'AnswerContact',
  service: INTAKE_SERVICE,
  summary:
    'Answer the contact directly (直接答复): a case is registered and closed at intake, citing the knowledge article.',
  schema: z.object({
    contactId: ContactId,
    caseId: CaseId,
    type: CaseType,
    categoryCode: CategoryCode,
    answer: CaseContent,
    knowledgeArticleId: KnowledgeArticleId.optional(),
  }),
});

export const ReferContact = defineCommand({
  type: 'ReferContact',
  service: INTAKE_SERVICE,
  summary: 'Refer an emergency at once to 110, 119, 120 or 122; default explanation from the intake rules.',
  schema: z.object({ contactId: ContactId, service: EmergencyService, explanation: Note.optional() }),
});

export const DeclineContact = defineCommand({
  type: 'DeclineContact',
  service: INTAKE_SERVICE,
  summary:
    'Do not accept the contact (不予受理), with the reason; default explanation from the intake rules.',
  schema: z.object({ contactId: ContactId, reason: NotAcceptedReason, explanation: Note.optional() }),
});

export const AbandonContact = defineCommand({
  type: 'AbandonContact',
  service: INTAKE_SERVICE,
  summary: 'Record that the caller hung up or never completed the message.',
  schema: z.object({ contactId: ContactId, note: Note.optional() }),
});

export const MarkContactAsHarassment = defineCommand({
  type: 'MarkContactAsHarassment',
  service: INTAKE_SERVICE,
  summary: 'Record that the contact was abusive or a prank (骚扰).',
  schema: z.object({ contactId: ContactId, note: Note }),
});

export const ReleaseContact = defineCommand({
  type: 'ReleaseContact',
  service: INTAKE_SERVICE,
  summary: 'Release a quarantined contact for normal handling.',
  schema: z.object({ contactId: ContactId, note: Note.optional() }),
});

export const RecordContactReply = defineCommand({
  type: 'RecordContactReply',
  service: INTAKE_SERVICE,
  summary: 'Record a reply sent back to the citizen through the channel of the contact.',
  schema: z.object({ contactId: ContactId, text: Note }),
});

export const PostChatMessage = defineCommand({
  type: 'PostChatMessage',
  service: INTAKE_SERVICE,
  summary:
    'Add a message to a web chat: the citizen through the portal (the platform sends it), or the agent holding the chat.',
  schema: z.object({ contactId: ContactId, from: ChatParty, text: ChatText }),
});
