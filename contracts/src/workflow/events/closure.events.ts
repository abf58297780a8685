import { z } from 'zod';
import { defineEvent } from '../../messages/define';
import { CallbackRatings, CallbackWaiver } from '../case-reasons';
import { CASE_CATEGORY, CaseId, Note } from '../case.values';
import { DispatchPlan } from './case-event-parts';
import { PublicRecordDecision } from '../commands/closure.commands';

export const CaseCompleted = defineEvent({
  type: 'CaseCompleted',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The center accepted the reply: the case is completed (办结) and awaits its callback.',
  schema: z.object({ caseId: CaseId, comment: Note.optional() }),
});

export const CaseReplySentBack = defineEvent({
  type: 'CaseReplySentBack',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The center sent the reply back to the lead unit (审核退回); the deadline stays.',
  schema: z.object({ caseId: CaseId, reason: Note }),
});

export const CaseCallbackRecorded = defineEvent({
  type: 'CaseCallbackRecorded',
  version: 1,
  category: CASE_CATEGORY,
  summary: "A callback (回访) was made: the citizen's ratings, or that the citizen was not reached.",
  schema: z.discriminatedUnion('reached', [
    z.object({
      caseId: CaseId,
      reached: z.literal(true),
      ratings: CallbackRatings,
      unitAtFault: z.boolean(),
      /** Dissatisfied on some dimension and the unit at fault: the case must be redone. */
      redoRequired: z.boolean(),
      note: Note.optional(),
    }),
    z.object({ caseId: CaseId, reached: z.literal(false), note: Note.optional() }),
  ]),
});

export const CaseClosed = defineEvent({
  type: 'CaseClosed',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was closed after its callback, or without one (`callbackWaiver`).',
  schema: z.object({ caseId: CaseId, callbackWaiver: CallbackWaiver.optional() }),
});

export const CaseRedone = defineEvent({
  type: 'CaseRedone',
  version: 1,
  category: CASE_CATEGORY,
  summary:
    'The case went back to the unit at fault (重办) with new deadlines; from the second redo it is supervised.',
  schema: DispatchPlan.extend({
    reason: Note,
    redoCount: z.number().int().positive(),
    underSupervision: z.boolean(),
  }),
});

export const CasePublicRecordReviewed = defineEvent({
  type: 'CasePublicRecordReviewed',
  version: 1,
  category: CASE_CATEGORY,
  summary:
    'The center reviewed a closed case for the public record: published in the approved words, or withheld with a reason. A later review replaces it.',
  schema: PublicRecordDecision,
});
