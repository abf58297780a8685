import { z } from 'zod';
import { defineCommand } from '../../messages/define';
import { CallbackRatings, CallbackWaiver } from '../case-reasons';
import { CaseId, IsoDateTime, Note, UnitId, WORKFLOW_SERVICE } from '../case.values';

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
