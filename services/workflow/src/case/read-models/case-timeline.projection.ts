import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { timelineDetails } from './case-timeline-details';
import { timelineSummary } from './case-timeline-summary';
import { isoZ } from './case-tasks';
import { CASE_TIMELINE } from '../../read-models/read-model-collections';

/** Each case event as a timeline line: type, who (with their name and role), when, its data and a summary. */
export function caseTimelineProjection(): Projection {
  return {
    name: 'workflow-case-timeline',
    // 2: the actor's name and gateway role, and the event's details (notes, units, deadlines);
    // 3: the actor's id and name at the top level, indexed with the time, for the audit trail.
    version: 3,
    collections: [CASE_TIMELINE],
    filter: { streamPrefixes: ['case-'] },
    async setup(store: ReadStore) {
      const timeline = store.collection(CASE_TIMELINE);
      for (const field of ['caseId', 'at', 'actorId', 'actorName', 'type']) {
        await timeline.createIndex({ [field]: 1 });
      }
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const caseEvent = { type: event.type, data: event.data } as CaseEvent;
      const { actor, districtId } = event.metadata;
      context.guardedUpdate(CASE_TIMELINE, event.id, {
        $set: {
          caseId: caseEvent.data.caseId,
          districtId,
          revision: event.revision,
          type: event.type,
          at: isoZ(event.time),
          actorId: actor.id,
          actorName: actor.name ?? null,
          actor: {
            id: actor.id,
            role: actor.role,
            ...(actor.unitId !== undefined ? { unitId: actor.unitId } : {}),
            ...(actor.gatewayRole !== undefined ? { gatewayRole: actor.gatewayRole } : {}),
            ...(actor.name !== undefined ? { name: actor.name } : {}),
          },
          summary: timelineSummary(caseEvent),
          details: timelineDetails(caseEvent),
        },
      });
      return Promise.resolve();
    },
  };
}
