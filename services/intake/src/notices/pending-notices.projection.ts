import type { Projection } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';

export const PENDING_NOTICES = 'intake_pending_notices';

/** A notice queued and not settled yet: what the case notices send at a later tick. */
export interface PendingNotice {
  caseId: string;
  /** The id of the workflow event the notice answers (its key on the case's notice stream). */
  sourceEventId: string;
  /** Not sent before this instant (epoch ms): the quiet hours. */
  notBefore: number;
}

type PendingDocument = { _id: string; caseId: string; notBefore: number };

/**
 * The notices queued and not yet sent or withheld, one document per notice, so that a restart
 * finds those a stopped process left behind by reading them and the events after the
 * projection's checkpoint, not every notice event of the city's history. Applying an event twice
 * changes nothing: a queued notice is set, a settled one deleted.
 */
export function pendingNoticesProjection(): Projection {
  return {
    name: 'intake-pending-notices',
    version: 1,
    collections: [PENDING_NOTICES],
    filter: { eventTypes: ['CaseNoticeQueued', 'CaseNoticeSent', 'CaseNoticeWithheld'] },
    handle(event, _store, context) {
      const data = event.data as { caseId: string; sourceEventId: string; notBefore?: string };
      if (event.type === 'CaseNoticeQueued') {
        context.guardedUpdate(PENDING_NOTICES, data.sourceEventId, {
          $set: { caseId: data.caseId, notBefore: Date.parse(data.notBefore ?? '') },
        });
      } else context.delete(PENDING_NOTICES, data.sourceEventId);
      return Promise.resolve();
    },
  };
}

/** Every pending notice (as many as wait: the quiet hours' queue, the sends that failed). */
export async function loadPendingNotices(store: ReadStore): Promise<PendingNotice[]> {
  const docs = await store.collection<PendingDocument>(PENDING_NOTICES).find({});
  return docs.map((doc) => ({ caseId: doc.caseId, sourceEventId: doc._id, notBefore: doc.notBefore }));
}
