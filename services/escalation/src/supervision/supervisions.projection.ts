import type { RecordedEvent, SupervisionEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { SUPERVISIONS } from '../read-models/escalation-collections';

/** The supervision ledger (督办台账): one document per supervision. */
export function supervisionsProjection(): Projection {
  return {
    name: 'escalation-supervisions',
    version: 1,
    collections: [SUPERVISIONS],
    filter: { streamPrefixes: ['supervision-'] },
    async setup(store: ReadStore) {
      await store.collection(SUPERVISIONS).createIndex({ openedAt: -1 });
      await store.collection(SUPERVISIONS).createIndex({ status: 1, openedAt: -1 });
      await store.collection(SUPERVISIONS).createIndex({ unitId: 1, openedAt: -1 });
      await store.collection(SUPERVISIONS).createIndex({ caseId: 1 });
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const message = { type: event.type, data: event.data } as SupervisionEvent;
      const id = message.data.supervisionId;
      switch (message.type) {
        case 'SupervisionOpened': {
          const { caseId, caseNumber, unitId, scope, level, rectifyBy, note, automatic } = message.data;
          context.guardedUpdate(SUPERVISIONS, id, {
            $set: {
              caseId,
              caseNumber: caseNumber ?? null,
              unitId,
              scope,
              level,
              rectifyBy,
              note,
              automatic,
              status: 'open',
              openedAt: event.time,
              districtId: event.metadata.districtId,
            },
          });
          break;
        }
        case 'SupervisionResponded':
          context.guardedUpdate(SUPERVISIONS, id, {
            $set: { status: 'responded', response: message.data.response, respondedAt: event.time },
          });
          break;
        case 'SupervisionRectificationOverdue':
          context.guardedUpdate(SUPERVISIONS, id, { $set: { status: 'overdue' } });
          break;
        case 'SupervisionClosed':
          context.guardedUpdate(SUPERVISIONS, id, {
            $set: {
              status: 'closed',
              verdict: message.data.verdict,
              comment: message.data.comment,
              closedAt: event.time,
            },
          });
          break;
        default:
          break;
      }
      return Promise.resolve();
    },
  };
}
