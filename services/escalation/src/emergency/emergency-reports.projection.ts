import type { z } from 'zod';
import type { EmergencyOfficeReported, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { EMERGENCY_REPORTS } from '../read-models/escalation-collections';

/** One document per case reported to the emergency management office, as the report said. */
export function emergencyReportsProjection(): Projection {
  return {
    name: 'escalation-emergency-reports',
    version: 1,
    collections: [EMERGENCY_REPORTS],
    filter: { eventTypes: ['EmergencyOfficeReported'] },
    async setup(store: ReadStore) {
      await store.collection(EMERGENCY_REPORTS).createIndex({ reportedAt: -1 });
      await store.collection(EMERGENCY_REPORTS).createIndex({ districtId: 1, reportedAt: -1 });
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      if (event.type !== 'EmergencyOfficeReported') return Promise.resolve();
      const report = event.data as z.infer<typeof EmergencyOfficeReported.schema>;
      context.guardedUpdate(EMERGENCY_REPORTS, report.caseId, {
        $set: {
          ...report,
          address: report.address ?? null,
          reportedAt: event.time,
          districtId: event.metadata.districtId,
        },
      });
      return Promise.resolve();
    },
  };
}
