import { z } from 'zod';
import { CaseNumber } from '../../kernel/case-number';
import { ClientId } from '../../kernel/ids';
import { defineEvent } from '../../messages/define';
import { NotAcceptedReason } from '../case-reasons';
import {
  Attachments,
  CASE_CATEGORY,
  CaseChannel,
  CaseContent,
  CaseId,
  CaseType,
  CategoryCode,
  IsoDateTime,
  Note,
  Place,
  Urgency,
} from '../case.values';
import { Citizen } from '../citizen';

export const CaseRegistered = defineEvent({
  type: 'CaseRegistered',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'A case was registered (受理) and given its case number.',
  schema: z.object({
    caseId: CaseId,
    caseNumber: CaseNumber,
    type: CaseType,
    categoryCode: CategoryCode,
    content: CaseContent,
    citizen: Citizen,
    channel: CaseChannel,
    place: Place.optional(),
    attachments: Attachments,
    urgency: Urgency,
    simple: z.boolean(),
    /** From the taxonomy: the category is on the city's convenience list. */
    convenienceList: z.boolean(),
    contactId: ClientId.optional(),
    /** The dispatch deadline (1 working day; urgent cases the same day). */
    dispatchBy: IsoDateTime,
  }),
});

export const CaseAnsweredAtIntake = defineEvent({
  type: 'CaseAnsweredAtIntake',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was answered directly at intake and is closed (first-contact resolution).',
  schema: z.object({ caseId: CaseId, answer: CaseContent, knowledgeArticleId: ClientId.optional() }),
});

export const CaseDeclined = defineEvent({
  type: 'CaseDeclined',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was not accepted (不予受理); emergencies were referred to 110/119/120/122.',
  schema: z.object({
    caseId: CaseId,
    reason: NotAcceptedReason,
    explanation: Note,
    referral: z.string().trim().min(1).max(500).optional(),
  }),
});

export const CaseMerged = defineEvent({
  type: 'CaseMerged',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was folded into a master case as a duplicate (并单).',
  schema: z.object({ caseId: CaseId, masterCaseId: CaseId }),
});

export const CaseDuplicateLinked = defineEvent({
  type: 'CaseDuplicateLinked',
  version: 1,
  category: CASE_CATEGORY,
  summary:
    "A merged duplicate was linked to this master case; its citizen is answered with this case's result.",
  schema: z.object({ caseId: CaseId, duplicateCaseId: CaseId }),
});

export const CaseRepeatContactRecorded = defineEvent({
  type: 'CaseRepeatContactRecorded',
  version: 1,
  category: CASE_CATEGORY,
  summary:
    'A citizen contacted the hotline again about this case (intake merged the contact); `repeatCount` is the number of repeats so far.',
  schema: z.object({
    caseId: CaseId,
    contactId: ClientId,
    repeatCount: z.number().int().positive(),
    automatic: z.boolean(),
  }),
});
