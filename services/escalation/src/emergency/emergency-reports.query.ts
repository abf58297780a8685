import {
  CITY_DISTRICT,
  WorkflowRole,
  type EmergencyReportView,
  type QueryViewer,
  type ReminderView,
} from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import { EMERGENCY_REPORTS } from '../read-models/escalation-collections';
import { listReminders } from '../read-models/escalation-queries';

type Doc = Record<string, unknown> & { _id: string };

/**
 * Reports to the emergency management office, newest first, each with how its unit's duty officer
 * was reached (the emergency reminder's SMS and call). The center's; a district sees its own.
 */
export async function listEmergencyReports(
  store: ReadStore,
  query: { viewer: QueryViewer; caseId?: string | undefined; limit: number },
): Promise<EmergencyReportView[]> {
  const filter: Record<string, unknown> = {};
  if (query.caseId) filter._id = query.caseId;
  if (query.viewer.districtId !== CITY_DISTRICT) filter.districtId = query.viewer.districtId;
  // Units hear of their emergencies by the alert itself; the report is the center's.
  if (query.viewer.actor.role === WorkflowRole.Unit) return [];
  const docs = await store
    .collection<Doc>(EMERGENCY_REPORTS)
    .find(filter, { sort: { reportedAt: -1 }, limit: query.limit });
  return Promise.all(
    docs.map(async (doc) => {
      const { _id, districtId: _district, _pos: _position, address, ...rest } = doc;
      const { reminders } = await listReminders(store, {
        viewer: query.viewer,
        caseId: _id,
        unreadOnly: false,
        undeliveredOnly: false,
        limit: 20,
      });
      const alert: ReminderView | undefined = reminders.find((r) => r.emergency);
      return {
        ...(rest as Omit<EmergencyReportView, 'caseId'>),
        caseId: _id,
        ...(address ? { address: address as string } : {}),
        ...(alert ? { alert: alert.deliveries.filter((d) => d.channel !== 'portal') } : {}),
      };
    }),
  );
}
