import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import { IsoDateTime, WORKFLOW_SERVICE } from '../case.values';
import { MinPosition, Page, PageSize, QueryViewer } from './query-viewer';

/**
 * The event log of cases as an audit trail (审计日志): who did what to which case, when, newest
 * first; for the center's staff and auditors, within their district.
 */
export const ListCaseAuditTrail = defineQuery({
  type: 'ListCaseAuditTrail',
  service: WORKFLOW_SERVICE,
  summary:
    'Case events as an audit trail, newest first: who (user, name, role), what (event and its data), which case, when; filtered by who, event type and time.',
  schema: z.object({
    viewer: QueryViewer,
    minPosition: MinPosition,
    /** A username, an actor id (`user:…`) or a display name, exactly. */
    who: z.string().trim().min(1).max(128).optional(),
    /** An event type such as `CaseDispatched`. */
    type: z
      .string()
      .regex(/^Case[A-Za-z]{2,60}$/, 'must be a case event type such as CaseDispatched')
      .optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    page: Page,
    pageSize: PageSize,
  }),
});
