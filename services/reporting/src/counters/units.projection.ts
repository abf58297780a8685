import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { REPORTING_UNITS } from './collections';

export const REPORTING_UNITS_PROJECTION = 'reporting-units';

export interface ReportingUnit {
  _id: string;
  name: string;
  level: string;
  parentId: string | null;
}

/** Units' names and places in the hierarchy, so scorecards and drill-downs name units rather than ids. */
export function reportingUnitsProjection(): Projection {
  return {
    name: REPORTING_UNITS_PROJECTION,
    version: 1,
    collections: [REPORTING_UNITS],
    filter: { eventTypes: ['UnitRegistered'] },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const data = event.data as { unitId: string; name: string; level: string; parentId?: string };
      context.guardedUpdate(REPORTING_UNITS, data.unitId, {
        $set: { name: data.name, level: data.level, parentId: data.parentId ?? null },
      });
      return Promise.resolve();
    },
  };
}
