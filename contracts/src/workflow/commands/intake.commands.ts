import { z } from 'zod';
import { ClientId } from '../../kernel/ids';
import { defineCommand } from '../../messages/define';
import { NotAcceptedReason } from '../case-reasons';
import {
  Attachments,
  CaseChannel,
  CaseContent,
  CaseId,
  CaseType,
  CategoryCode,
  Note,
  Place,
  Urgency,
  WORKFLOW_SERVICE,
} from '../case.values';
import { CitizenInput } from '../citizen';

export const RegisterCase = defineCommand({
  type: 'RegisterCase',
  service: WORKFLOW_SERVICE,
  summary: "Register a citizen's request as a case (受理); the reply carries the allocated case number.",
  schema: z.object({
    caseId: CaseId,
    type: CaseType,
    categoryCode: CategoryCode,
    content: CaseContent,
    citizen: CitizenInput,
    channel: CaseChannel,
    place: Place.optional(),
    attachments: Attachments.default([]),
    urgency: Urgency.default('normal'),
    /** 简易件: answerable quickly by the unit, same-day limit. */
    simple: z.boolean().default(false),
    /** The intake contact (call, message) the case came from. */
    contactId: ClientId.optional(),
  }),
});

export const AnswerCaseAtIntake = defineCommand({
  type: 'AnswerCaseAtIntake',
  service: WORKFLOW_SERVICE,
  summary:
    'Close a just-registered case with a direct answer (直接答复), optionally from a knowledge article.',
  schema: z.object({ caseId: CaseId, answer: CaseContent, knowledgeArticleId: ClientId.optional() }),
});

export const DeclineCase = defineCommand({
  type: 'DeclineCase',
  service: WORKFLOW_SERVICE,
  summary:
    'Record that a registered case is not accepted (不予受理), with the reason, an explanation and a referral.',
  schema: z.object({
    caseId: CaseId,
    reason: NotAcceptedReason,
    explanation: Note,
    referral: z.string().trim().min(1).max(500).optional(),
  }),
});

export const MergeCase = defineCommand({
  type: 'MergeCase',
  service: WORKFLOW_SERVICE,
  summary: 'Fold a registered duplicate into a master case (并单); a process manager links it on the master.',
  schema: z.object({ caseId: CaseId, masterCaseId: CaseId }),
});

export const LinkDuplicateCase = defineCommand({
  type: 'LinkDuplicateCase',
  service: WORKFLOW_SERVICE,
  summary: 'Link a merged duplicate to its master case, so that its citizen is answered too.',
  schema: z.object({ caseId: CaseId, duplicateCaseId: CaseId }),
});

export const RecordCaseRepeatContact = defineCommand({
  type: 'RecordCaseRepeatContact',
  service: WORKFLOW_SERVICE,
  summary:
    'Count a contact that repeated the case (intake merged it, 并单) on the case itself: the escalation ladder reads the count. Once per contact.',
  schema: z.object({ caseId: CaseId, contactId: ClientId, automatic: z.boolean().default(false) }),
});
