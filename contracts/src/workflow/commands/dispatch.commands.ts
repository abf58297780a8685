import { z } from 'zod';
import { defineCommand } from '../../messages/define';
import { FallbackReason } from '../case-reasons';
import { CaseId, IsoDateTime, Note, UnitId, WORKFLOW_SERVICE } from '../case.values';

export const MAX_CO_HANDLERS = 10;

const DispatchInput = z.object({
  caseId: CaseId,
  leadUnitId: UnitId,
  /** 协办: each may get its own reply deadline; by default the policy's co-handler deadline. */
  coHandlers: z
    .array(z.object({ unitId: UnitId, dueAt: IsoDateTime.optional() }))
    .max(MAX_CO_HANDLERS)
    .default([]),
  note: Note.optional(),
});

export const DispatchCase = defineCommand({
  type: 'DispatchCase',
  service: WORKFLOW_SERVICE,
  summary: 'Dispatch a registered case (转办) to a lead unit and optional co-handlers.',
  schema: DispatchInput,
});

export const RedispatchCase = defineCommand({
  type: 'RedispatchCase',
  service: WORKFLOW_SERVICE,
  summary: 'Dispatch a returned or not yet signed case to other units (改派); deadlines start again.',
  schema: DispatchInput,
});

export const DispatchCaseToFallbackUnit = defineCommand({
  type: 'DispatchCaseToFallbackUnit',
  service: WORKFLOW_SERVICE,
  summary:
    'Dispatch a case to a fallback unit (兜底单位) after repeated returns or when no catalogue entry matches.',
  schema: z.object({ caseId: CaseId, unitId: UnitId, reason: FallbackReason, note: Note.optional() }),
});

export const SubDispatchCase = defineCommand({
  type: 'SubDispatchCase',
  service: WORKFLOW_SERVICE,
  summary: 'A lead unit that signed passes the case on to one of its own sub-units; the deadline stays.',
  schema: z.object({ caseId: CaseId, toUnitId: UnitId, note: Note.optional() }),
});

export const ReportCaseToLeader = defineCommand({
  type: 'ReportCaseToLeader',
  service: WORKFLOW_SERVICE,
  summary: 'Report a major, sudden or hot case to the leaders (呈报).',
  schema: z.object({ caseId: CaseId, summary: Note }),
});

export const RecordLeaderInstruction = defineCommand({
  type: 'RecordLeaderInstruction',
  service: WORKFLOW_SERVICE,
  summary: "Record a leader's instruction on a case (批示).",
  schema: z.object({ caseId: CaseId, instruction: Note }),
});
