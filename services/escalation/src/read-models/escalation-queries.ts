import {
  CITY_DISTRICT,
  WorkflowRole,
  type QueryViewer,
  type ReminderView,
  type SupervisionLedgerRow,
} from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import { REMINDERS, SUPERVISIONS } from './escalation-collections';

type Doc = Record<string, unknown> & { _id: string };

/** The scope every answer is cut to: a unit user its unit, a district its district, the city all. */
function scoped(viewer: QueryViewer, unitId: string | undefined): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (viewer.actor.role === WorkflowRole.Unit) filter.unitId = viewer.actor.unitId ?? '-';
  else if (unitId) filter.unitId = unitId;
  if (viewer.districtId !== CITY_DISTRICT && viewer.actor.role !== WorkflowRole.Unit)
    filter.districtId = viewer.districtId;
  return filter;
}

/** Reminders newest first; the unit portal's list and badge and the center's view of a case. */
export async function listReminders(
  store: ReadStore,
  query: {
    viewer: QueryViewer;
    unitId?: string | undefined;
    caseId?: string | undefined;
    unreadOnly: boolean;
    undeliveredOnly: boolean;
    limit: number;
  },
): Promise<{ reminders: ReminderView[]; unread: number }> {
  const filter = scoped(query.viewer, query.unitId);
  if (query.caseId) filter.caseId = query.caseId;
  if (query.undeliveredOnly) filter.undelivered = true;
  const collection = store.collection<Doc>(REMINDERS);
  const docs = await collection.find(
    { ...filter, ...(query.unreadOnly ? { read: false } : {}) },
    {
      sort: { sentAt: -1 },
      limit: query.limit,
    },
  );
  const unread = await collection.countDocuments({ ...filter, read: false });
  return { reminders: docs.map(toReminder), unread };
}

function toReminder(doc: Doc): ReminderView {
  const deliveries = (doc.deliveries ?? {}) as Record<
    string,
    { state: ReminderView['deliveries'][number]['state']; attempts: number; error?: string }
  >;
  return {
    reminderId: doc._id,
    caseId: doc.caseId as string,
    ...(doc.caseNumber ? { caseNumber: doc.caseNumber as string } : {}),
    unitId: doc.unitId as string,
    automatic: doc.automatic as boolean,
    ...(doc.point ? { point: doc.point as string } : {}),
    ...(doc.note ? { note: doc.note as string } : {}),
    ...(doc.dueAt ? { dueAt: doc.dueAt as string } : {}),
    sentAt: doc.sentAt as string,
    sentBy: doc.sentBy as string,
    read: doc.read as boolean,
    ...(doc.emergency ? { emergency: true } : {}),
    deliveries: ((doc.channels ?? []) as string[]).map((channel) => ({
      channel: channel as ReminderView['deliveries'][number]['channel'],
      state: deliveries[channel]?.state ?? 'pending',
      attempts: deliveries[channel]?.attempts ?? 0,
      ...(deliveries[channel]?.error ? { error: deliveries[channel].error } : {}),
    })),
  };
}

/** The supervision ledger (督办台账), newest first. */
export async function supervisionLedger(
  store: ReadStore,
  query: {
    viewer: QueryViewer;
    supervisionId?: string | undefined;
    status?: string | undefined;
    scope?: string | undefined;
    level?: string | undefined;
    unitId?: string | undefined;
    caseId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
): Promise<SupervisionLedgerRow[]> {
  const filter = scoped(query.viewer, query.unitId);
  if (query.supervisionId) filter._id = query.supervisionId;
  for (const field of ['status', 'scope', 'level', 'caseId'] as const) {
    if (query[field]) filter[field] = query[field];
  }
  if (query.from || query.to) {
    filter.openedAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  }
  const docs = await store
    .collection<Doc>(SUPERVISIONS)
    .find(filter, { sort: { openedAt: -1 }, limit: query.limit });
  return docs.map((doc) => {
    const { _id, districtId: _district, _pos: _position, ...rest } = doc;
    return { supervisionId: _id, ...rest } as unknown as SupervisionLedgerRow;
  });
}
