import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import { UnitId, WORKFLOW_SERVICE } from '../case.values';
import { MinPosition, Page, PageSize, QueryViewer } from './query-viewer';

/** The lists of a unit's inbox. */
export const InboxList = z.enum([
  'to-sign',
  'in-progress',
  'due-soon',
  'overdue',
  'returned',
  'extension-pending',
]);
export type InboxList = z.infer<typeof InboxList>;

export const GetUnitInbox = defineQuery({
  type: 'GetUnitInbox',
  service: WORKFLOW_SERVICE,
  summary:
    "A handling unit's inbox: to sign, in progress, due soon, overdue, returned, extension pending; the counts of every list and one list's items.",
  schema: z.object({
    viewer: QueryViewer,
    unitId: UnitId,
    list: InboxList.default('to-sign'),
    minPosition: MinPosition,
    page: Page,
    pageSize: PageSize,
  }),
});

export const GetBadgeCounts = defineQuery({
  type: 'GetBadgeCounts',
  service: WORKFLOW_SERVICE,
  summary:
    "Counts for badges: a unit's inbox lists (for a unit user, or any unit named), or the center's queues (awaiting dispatch, returned, awaiting review, extensions, awaiting callback).",
  schema: z.object({ viewer: QueryViewer, unitId: UnitId.optional(), minPosition: MinPosition }),
});
