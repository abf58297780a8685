import type { RecordedEvent, ReminderEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { REMINDERS } from '../read-models/escalation-collections';

/** One document per reminder, with each channel's delivery under `deliveries.<channel>`. */
export function remindersProjection(): Projection {
  return {
    name: 'escalation-reminders',
    version: 1,
    collections: [REMINDERS],
    filter: { streamPrefixes: ['reminder-'] },
    async setup(store: ReadStore) {
      await store.collection(REMINDERS).createIndex({ unitId: 1, sentAt: -1 });
      await store.collection(REMINDERS).createIndex({ caseId: 1, sentAt: -1 });
      await store.collection(REMINDERS).createIndex({ sentAt: -1 });
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const message = { type: event.type, data: event.data } as ReminderEvent;
      switch (message.type) {
        case 'ReminderSent': {
          const {
            reminderId,
            caseId,
            caseNumber,
            unitId,
            automatic,
            point,
            note,
            dueAt,
            channels,
            emergency,
          } = message.data;
          context.guardedUpdate(REMINDERS, reminderId, {
            $set: {
              caseId,
              caseNumber: caseNumber ?? null,
              unitId,
              automatic,
              point: point ?? null,
              note: note ?? null,
              dueAt: dueAt ?? null,
              sentAt: event.time,
              sentBy: event.metadata.actor.name ?? event.metadata.actor.id,
              districtId: event.metadata.districtId,
              read: false,
              emergency: emergency ?? false,
              undelivered: false,
              channels,
              ...Object.fromEntries(
                channels.map((c) => [`deliveries.${c}`, { state: 'pending', attempts: 0 }]),
              ),
            },
          });
          return Promise.resolve();
        }
        case 'ReminderDeliveryAttempted': {
          const { reminderId, channel, attempt, outcome, error } = message.data;
          const state = outcome === 'failed' ? 'pending' : outcome;
          context.guardedUpdate(REMINDERS, reminderId, {
            $set: { [`deliveries.${channel}`]: { state, attempts: attempt, ...(error ? { error } : {}) } },
          });
          return Promise.resolve();
        }
        case 'ReminderUndelivered': {
          const { reminderId, channel, attempts, error } = message.data;
          context.guardedUpdate(REMINDERS, reminderId, {
            $set: { [`deliveries.${channel}`]: { state: 'undelivered', attempts, error }, undelivered: true },
          });
          return Promise.resolve();
        }
        case 'ReminderRead':
          context.guardedUpdate(REMINDERS, message.data.reminderId, { $set: { read: true } });
          return Promise.resolve();
        default:
          return Promise.resolve();
      }
    },
  };
}
