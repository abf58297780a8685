import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import {
  CaseChannel,
  CaseId,
  CaseStatus,
  CaseType,
  CategoryCode,
  IsoDateTime,
  UnitId,
  WORKFLOW_SERVICE,
} from '../case.values';
import { MinPosition, Page, PageSize, QueryViewer } from './query-viewer';

export const GetCase = defineQuery({
  type: 'GetCase',
  service: WORKFLOW_SERVICE,
  summary: "A case's detail: state, units, deadlines and the colour they give now.",
  schema: z.object({ viewer: QueryViewer, caseId: CaseId, minPosition: MinPosition }),
});

export const GetCaseTimeline = defineQuery({
  type: 'GetCaseTimeline',
  service: WORKFLOW_SERVICE,
  summary: "A case's timeline: each event with who did it, when, and a summary.",
  schema: z.object({ viewer: QueryViewer, caseId: CaseId, minPosition: MinPosition }),
});

export const CaseColourFilter = z.enum(['green', 'yellow', 'red']);
export const CaseSortField = z.enum(['registeredAt', 'deadlineAt', 'updatedAt', 'caseNumber', 'repeatCount']);

export const SearchCases = defineQuery({
  type: 'SearchCases',
  service: WORKFLOW_SERVICE,
  summary:
    'Cases matching filters (status, type, category, unit, district, channel, dates, colour, overdue) and a full-text query on content and address, sorted and paged.',
  schema: z.object({
    viewer: QueryViewer,
    minPosition: MinPosition,
    status: z.array(CaseStatus).max(9).optional(),
    type: z.array(CaseType).max(6).optional(),
    /** A category code; a level-1 or level-2 code matches its sub-categories too. */
    categoryCode: CategoryCode.optional(),
    unitId: UnitId.optional(),
    districtId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/)
      .optional(),
    channel: z.array(CaseChannel).max(10).optional(),
    registeredFrom: IsoDateTime.optional(),
    registeredTo: IsoDateTime.optional(),
    dueFrom: IsoDateTime.optional(),
    dueTo: IsoDateTime.optional(),
    colour: CaseColourFilter.optional(),
    overdue: z.boolean().optional(),
    /** Cases a district office still holds after its sub-dispatch window (12 hours) passed. */
    subDispatchOverdue: z.boolean().optional(),
    /** The case number (受理号/工单号) exactly. */
    caseNumber: z
      .string()
      .regex(/^\d{7,12}$/, 'must be the 8-digit case number')
      .optional(),
    /** The caller's phone as typed (spaces, dashes, +86 allowed); matched in its canonical form. */
    phone: z.string().trim().min(5).max(40).optional(),
    /** The caller's name exactly as registered. */
    citizenName: z.string().trim().min(1).max(50).optional(),
    /** Completed cases not yet called back: the callback to-do list (回访待办). */
    awaitingCallback: z.boolean().optional(),
    /** A unit's extension request waits for the center's decision. */
    extensionPending: z.boolean().optional(),
    /** Cases reported to the leaders (呈报), and those a leader wrote an instruction on (批示). */
    reportedToLeader: z.boolean().optional(),
    instructed: z.boolean().optional(),
    /** Words or Chinese text; every part must occur in the content or the address. */
    text: z.string().trim().min(1).max(100).optional(),
    sort: CaseSortField.default('registeredAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    page: Page,
    pageSize: PageSize,
  }),
});
