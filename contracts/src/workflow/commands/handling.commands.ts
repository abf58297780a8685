import { z } from 'zod';
import { defineCommand } from '../../messages/define';
import { ReturnReason } from '../case-reasons';
import { Attachments, CaseContent, CaseId, IsoDateTime, Note, WORKFLOW_SERVICE } from '../case.values';

/** Unit commands name no unit: the acting unit is the actor's (`Actor.unitId`). */
export const SignCase = defineCommand({
  type: 'SignCase',
  service: WORKFLOW_SERVICE,
  summary: "Sign for a case dispatched to the actor's unit, as lead or co-handler (签收).",
  schema: z.object({ caseId: CaseId }),
});

export const ReturnCase = defineCommand({
  type: 'ReturnCase',
  service: WORKFLOW_SERVICE,
  summary: 'Return a case not yet signed, within the return limit, with the reason and its basis (退单).',
  schema: z.object({ caseId: CaseId, reason: ReturnReason, explanation: Note, basis: Note }),
});

export const RequestCaseExtension = defineCommand({
  type: 'RequestCaseExtension',
  service: WORKFLOW_SERVICE,
  summary: 'The lead unit asks for a later deadline (延期), with its reason.',
  schema: z.object({ caseId: CaseId, reason: Note, requestedDueAt: IsoDateTime }),
});

export const ApproveCaseExtension = defineCommand({
  type: 'ApproveCaseExtension',
  service: WORKFLOW_SERVICE,
  summary: 'The center approves the pending extension; the requested date becomes the deadline.',
  schema: z.object({ caseId: CaseId, comment: Note.optional() }),
});

export const RejectCaseExtension = defineCommand({
  type: 'RejectCaseExtension',
  service: WORKFLOW_SERVICE,
  summary: 'The center rejects the pending extension; the deadline stays.',
  schema: z.object({ caseId: CaseId, reason: Note }),
});

export const SubmitCoHandlerReply = defineCommand({
  type: 'SubmitCoHandlerReply',
  service: WORKFLOW_SERVICE,
  summary: 'A co-handler that signed replies with its part of the result, for the lead to consolidate.',
  schema: z.object({ caseId: CaseId, result: CaseContent, attachments: Attachments.default([]) }),
});

export const SubmitCaseReply = defineCommand({
  type: 'SubmitCaseReply',
  service: WORKFLOW_SERVICE,
  summary:
    'The lead unit replies with the consolidated result and attachments (办结反馈), for the center to review.',
  schema: z.object({ caseId: CaseId, result: CaseContent, attachments: Attachments.default([]) }),
});
