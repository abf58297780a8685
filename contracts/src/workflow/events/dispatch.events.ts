import { z } from 'zod';
import { defineEvent } from '../../messages/define';
import { FallbackReason } from '../case-reasons';
import { CASE_CATEGORY, CaseId, IsoDateTime, Note, UnitId } from '../case.values';
import { DispatchPlan } from './case-event-parts';

export const CaseDispatched = defineEvent({
  type: 'CaseDispatched',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was dispatched (转办) to a lead unit and co-handlers, with its deadlines.',
  schema: DispatchPlan,
});

export const CaseRedispatched = defineEvent({
  type: 'CaseRedispatched',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was dispatched to other units (改派); the deadlines started again.',
  schema: DispatchPlan.extend({ previousLeadUnitId: UnitId }),
});

export const CaseDispatchedToFallbackUnit = defineEvent({
  type: 'CaseDispatchedToFallbackUnit',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was dispatched to a fallback unit (兜底单位), which cannot return it.',
  schema: DispatchPlan.extend({ reason: FallbackReason }),
});

export const CaseSubDispatched = defineEvent({
  type: 'CaseSubDispatched',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The lead unit passed the case on to one of its sub-units; the deadline is unchanged.',
  schema: z.object({
    caseId: CaseId,
    fromUnitId: UnitId,
    toUnitId: UnitId,
    signBy: IsoDateTime,
    returnBy: IsoDateTime,
    note: Note.optional(),
  }),
});

export const CaseReportedToLeader = defineEvent({
  type: 'CaseReportedToLeader',
  version: 1,
  category: CASE_CATEGORY,
  summary: 'The case was reported to the leaders (呈报).',
  schema: z.object({ caseId: CaseId, summary: Note }),
});

export const CaseLeaderInstructionRecorded = defineEvent({
  type: 'CaseLeaderInstructionRecorded',
  version: 1,
  category: CASE_CATEGORY,
  summary: "A leader's instruction (批示) was recorded on the case.",
  schema: z.object({ caseId: CaseId, instruction: Note }),
});
