import { z } from 'zod';
import { defineCommand } from '../../messages/define';
import { CallbackRatings, CallbackWaiver } from '../case-reasons';
import { CaseContent, CaseId, IsoDateTime, Note, UnitId, WORKFLOW_SERVICE } from '../case.values';

export const AcceptCaseReply = defineCommand({
  type: 'AcceptCaseReply',
  service: WORKFLOW_SERVICE,
  summary: "The center accepts the lead unit's reply (审核通过): the case is completed (办结).",
  schema: z.object({ caseId: CaseId, comment: Note.optional() }),
});

export const SendBackCaseReply = defineCommand({
  type: 'SendBackCaseReply',
  service: WORKFLOW_SERVICE,
  summary: 'The center sends the reply back to the lead unit with its reason (审核退回).',
  schema: z.object({ caseId: CaseId, reason: Note }),
});

export const RecordCaseCallback = defineCommand({
  type: 'RecordCaseCallback',
  service: WORKFLOW_SERVICE,
  summary: "Record a callback (回访): the citizen's ratings, or that the citizen could not be reached.",
  schema: z.discriminatedUnion('reached', [
    z.object({
      caseId: CaseId,
      reached: z.literal(true),
      ratings: CallbackRatings,
      /** Whether a dissatisfied result is the unit's fault; only then is the case redone. */
      unitAtFault: z.boolean(),
      note: Note.optional(),
    }),
    z.object({ caseId: CaseId, reached: z.literal(false), note: Note.optional() }),
  ]),
});

export const CloseCase = defineCommand({
  type: 'CloseCase',
  service: WORKFLOW_SERVICE,
  summary: 'Close a completed case after its callback, or without one for an anonymous or unwilling citizen.',
  schema: z.object({ caseId: CaseId, callbackWaiver: CallbackWaiver.optional() }),
});

export const RedoCase = defineCommand({
  type: 'RedoCase',
  service: WORKFLOW_SERVICE,
  summary:
    'Send a completed case back to the lead unit, and the co-handlers at fault, after a dissatisfied callback (重办); from the second redo it is supervised.',
  schema: z.object({
    caseId: CaseId,
    reason: Note,
    /** The co-handlers (协办) of the last handling that were at fault too, each with an optional deadline. */
    coHandlers: z
      .array(z.object({ unitId: UnitId, dueAt: IsoDateTime.optional() }))
      .max(10)
      .default([]),
  }),
});

/** What the public record (办件公开) shows of a closed case, or why it shows nothing. */
export const PublicRecordDecision = z.discriminatedUnion('decision', [
  z.object({
    caseId: CaseId,
    decision: z.literal('publish'),
    /** The matter as published: names and personal data taken out by the reviewer. */
    content: CaseContent,
    /** The answer as published. */
    answer: CaseContent,
  }),
  z.object({ caseId: CaseId, decision: z.literal('withhold'), reason: Note }),
]);

export const ReviewPublicRecord = defineCommand({
  type: 'ReviewPublicRecord',
  service: WORKFLOW_SERVICE,
  summary:
    'The center reviews a closed case for the public record (办件公开): publish it in the words it approves, or withhold it with a reason. A case is public only after this.',
  schema: PublicRecordDecision,
});
