import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { timelineSummary } from './case-timeline-summary';
import { isoZ } from './case-tasks';
import { CASE_TIMELINE } from '../../read-models/read-model-collections';

/** Each case event as a timeline line: type, who, when, a summary. Written once, never read back. */
export function caseTimelineProjection(): Projection {
  return {
    name: 'workflow-case-timeline',
    version: 1,
    collections: [CASE_TIMELINE],
    filter: { streamPrefixes: ['case-'] },
    async setup(store: ReadStore) {
      await store.collection(CASE_TIMELINE).createIndex({ caseId: 1 });
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
          actor: {
            id: actor.id,
            role: actor.role,
            ...(actor.unitId !== undefined ? { unitId: actor.unitId } : {}),
          },
          summary: timelineSummary(caseEvent),
        },
      });
      return Promise.resolve();
    },
  };
}
