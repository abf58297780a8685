import { z } from 'zod';
import { defineEvent } from '../../messages/define';
import { ReturnReason } from '../case-reasons';
import { Attachments, CASE_CATEGORY, CaseContent, CaseId, IsoDateTime, Note, UnitId } from '../case.values';
import { ExtensionDays, ParticipantRole } from './case-event-parts';

export const CaseSigned = defineEvent({
  type: 'CaseSigned',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'A unit signed for the case (签收) as lead or co-handler.',
  schema: z.object({ caseId: CaseId, unitId: UnitId, role: ParticipantRole }),
});

export const CaseReturned = defineEvent({
  type: 'CaseReturned',
  version: 1,
  category: CASE_CATEGORY,
  summary:
    'A unit returned the case (退单): a lead to the center, or to the unit that sub-dispatched it; a co-handler leaves the case.',
  schema: z.object({
    caseId: CaseId,
    unitId: UnitId,
    role: ParticipantRole,
    reason: ReturnReason,
    explanation: Note,
    basis: Note,
    /** The unit that gets the case back; absent when it goes back to the center. */
    returnedToUnitId: UnitId.optional(),
  }),
});

export const CaseExtensionRequested = defineEvent({
  type: 'CaseExtensionRequested',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The lead unit asked for a later deadline (延期).',
  schema: z.object({
    caseId: CaseId,
    unitId: UnitId,
    reason: Note,
    requestedDueAt: IsoDateTime,
    workingDays: ExtensionDays,
  }),
});

export const CaseExtensionApproved = defineEvent({
  type: 'CaseExtensionApproved',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The center approved the extension; `dueAt` is the new deadline.',
  schema: z.object({
    caseId: CaseId,
    dueAt: IsoDateTime,
    workingDays: ExtensionDays,
    comment: Note.optional(),
  }),
});

export const CaseExtensionRejected = defineEvent({
  type: 'CaseExtensionRejected',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The center rejected the extension; the deadline stays.',
  schema: z.object({ caseId: CaseId, reason: Note }),
});

export const CaseCoHandlerReplied = defineEvent({
  type: 'CaseCoHandlerReplied',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'A co-handler replied with its part of the result.',
  schema: z.object({ caseId: CaseId, unitId: UnitId, result: CaseContent, attachments: Attachments }),
});

export const CaseReplied = defineEvent({
  type: 'CaseReplied',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The lead unit replied with the consolidated result (办结反馈); the center reviews it.',
  schema: z.object({ caseId: CaseId, unitId: UnitId, result: CaseContent, attachments: Attachments }),
});
