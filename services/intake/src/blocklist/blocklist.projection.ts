import type { CallerBlockEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection } from '@hotline/infra/projection';
import type { BlocklistReader } from './blocklist-reader';
import { IntakeCollection } from '../read-models/intake-collections';

const BLOCKLIST = IntakeCollection.blocklist;

/**
 * One document per number ever blocked (`_id` the canonical phone); `blocked` says whether it still
 * is. The reader's in-memory list follows each event as it is applied.
 */
export const blocklistProjection = (reader: BlocklistReader): Projection => ({
  name: 'intake-blocklist',
  version: 1,
  collections: [BLOCKLIST],
  filter: { streamPrefixes: ['callerBlock-'] },
  handle(event: RecordedEvent, _store, context) {
    const blockEvent = { type: event.type, data: event.data } as CallerBlockEvent;
    const { phone } = blockEvent.data;
    if (blockEvent.type === 'CallerBlocked') {
      reader.set(phone, { blocked: true, ...blockEvent.data });
      context.guardedUpdate(BLOCKLIST, phone, {
        $set: {
          blocked: true,
          reason: blockEvent.data.reason,
          expiresAt: blockEvent.data.expiresAt ?? null,
          blockedAt: event.time,
        },
      });
    } else {
      reader.set(phone, undefined);
      context.guardedUpdate(BLOCKLIST, phone, { $set: { blocked: false, expiresAt: null } });
    }
    return Promise.resolve();
  },
});
