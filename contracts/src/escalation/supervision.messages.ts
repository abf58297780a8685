import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { CaseContent, CaseId, IsoDateTime, Note, UnitId } from '../workflow/case.values';
import {
  ESCALATION_SERVICE,
  SUPERVISION_CATEGORY,
  SupervisionId,
  SupervisionLevel,
  SupervisionScope,
  SupervisionVerdict,
} from './escalation.values';

export const OpenSupervision = defineCommand({
  type: 'OpenSupervision',
  service: ESCALATION_SERVICE,
  summary:
    'Put a case under supervision (督办) with a scope, a level and a rectification deadline; center staff by hand, or the platform for the automatic scopes.',
  schema: z.object({
    supervisionId: SupervisionId,
    caseId: CaseId,
    scope: SupervisionScope,
    level: SupervisionLevel,
    rectifyBy: IsoDateTime,
    note: Note,
  }),
});

export const RespondToSupervision = defineCommand({
  type: 'RespondToSupervision',
  service: ESCALATION_SERVICE,
  summary: "The supervised unit's written response: what it did to rectify.",
  schema: z.object({ supervisionId: SupervisionId, response: CaseContent }),
});

export const CloseSupervision = defineCommand({
  type: 'CloseSupervision',
  service: ESCALATION_SERVICE,
  summary: 'Center staff close a supervision with a verdict.',
  schema: z.object({ supervisionId: SupervisionId, verdict: SupervisionVerdict, comment: Note }),
});

export const MarkRectificationOverdue = defineCommand({
  type: 'MarkRectificationOverdue',
  service: ESCALATION_SERVICE,
  summary: "The escalation timers' own command: a supervision passed its rectification deadline unanswered.",
  schema: z.object({ supervisionId: SupervisionId }),
});

export const SupervisionOpened = defineEvent({
  type: 'SupervisionOpened',
  version: 1,
  category: SUPERVISION_CATEGORY,
  summary: 'A case was put under supervision (督办); the unit must answer by `rectifyBy`.',
  schema: z.object({
    supervisionId: SupervisionId,
    caseId: CaseId,
    unitId: UnitId,
    scope: SupervisionScope,
    level: SupervisionLevel,
    rectifyBy: IsoDateTime,
    note: Note,
    automatic: z.boolean(),
    /** The case number, for the notice (督办单) and the ledger. */
    caseNumber: z.string().min(1).max(32).optional(),
  }),
});

export const SupervisionResponded = defineEvent({
  type: 'SupervisionResponded',
  version: 1,
  category: SUPERVISION_CATEGORY,
  summary: 'The supervised unit answered in writing.',
  schema: z.object({ supervisionId: SupervisionId, unitId: UnitId, response: CaseContent }),
});

export const SupervisionRectificationOverdue = defineEvent({
  type: 'SupervisionRectificationOverdue',
  version: 1,
  category: SUPERVISION_CATEGORY,
  summary: 'The rectification deadline passed without an answer from the unit.',
  schema: z.object({ supervisionId: SupervisionId, unitId: UnitId, rectifyBy: IsoDateTime }),
});

export const SupervisionClosed = defineEvent({
  type: 'SupervisionClosed',
  version: 1,
  category: SUPERVISION_CATEGORY,
  summary: 'The center closed the supervision with its verdict.',
  schema: z.object({ supervisionId: SupervisionId, verdict: SupervisionVerdict, comment: Note }),
});

export const supervisionCommands = [
  OpenSupervision,
  RespondToSupervision,
  CloseSupervision,
  MarkRectificationOverdue,
] as const;
export const supervisionEvents = [
  SupervisionOpened,
  SupervisionResponded,
  SupervisionRectificationOverdue,
  SupervisionClosed,
] as const;
