import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { beijingDay, beijingHalfHour } from '../periods/beijing-time';
import { CONTACT_CELLS } from './collections';

export const CONTACT_COUNTERS_PROJECTION = 'reporting-contact-counters';

export const CONTACT_METRICS = [
  'offered',
  'answered',
  'answeredIn15',
  'waitSeconds',
  'abandoned',
  'callbacksRequested',
  'overflowed',
  'handled',
  'talkSeconds',
  'holdSeconds',
  'surveyed',
  'surveySatisfied',
] as const;
export type ContactMetric = (typeof CONTACT_METRICS)[number];

type Data = Record<string, unknown>;
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * One entry per routing event: the counters it adds and whether they belong to the agent (answered,
 * handled) or to the queue. A cell is day × half-hour × queue × agent (`-` for queue counters).
 */
const CONTACT_RULES: Record<
  string,
  (data: Data) => { agent: boolean; inc: Partial<Record<ContactMetric, number>> }
> = {
  // A contact re-queued by overflow or transfer (`fromQueueId`) was offered once already.
  ContactQueued: (data) => ({ agent: false, inc: data.fromQueueId ? {} : { offered: 1 } }),
  OfferAccepted: (data) => ({
    agent: true,
    inc: {
      answered: 1,
      answeredIn15: num(data.waitedSeconds) <= 15 ? 1 : 0,
      waitSeconds: num(data.waitedSeconds),
    },
  }),
  QueuedContactAbandoned: () => ({ agent: false, inc: { abandoned: 1 } }),
  CallbackRequested: () => ({ agent: false, inc: { callbacksRequested: 1 } }),
  ContactOverflowed: () => ({ agent: false, inc: { overflowed: 1 } }),
  ContactEnded: (data) => ({
    agent: true,
    inc: { handled: 1, talkSeconds: num(data.talkSeconds), holdSeconds: num(data.holdSeconds) },
  }),
  // The survey service's post-call DTMF survey: 1 satisfied, 2 basically satisfied, 3 dissatisfied.
  PostCallSurveyRecorded: (data) => ({
    agent: true,
    inc: { surveyed: 1, surveySatisfied: data.score === 3 ? 0 : 1 },
  }),
};

/** Contact-center counters per day, half-hour, queue and agent, from the router's events. */
export function contactCountersProjection(): Projection {
  return {
    name: CONTACT_COUNTERS_PROJECTION,
    version: 1,
    collections: [CONTACT_CELLS],
    filter: { eventTypes: Object.keys(CONTACT_RULES) },
    async setup(store: ReadStore) {
      await store.collection(CONTACT_CELLS).createIndex({ day: 1 });
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const rule = CONTACT_RULES[event.type];
      if (!rule) return Promise.resolve();
      const data = event.data as Data;
      const { agent, inc } = rule(data);
      if (Object.keys(inc).length === 0) return Promise.resolve();
      const at = typeof data.at === 'string' ? data.at : event.time;
      const day = beijingDay(at);
      const slot = beijingHalfHour(at);
      const queueId = typeof data.queueId === 'string' ? data.queueId : '-';
      const agentId = agent && typeof data.agentId === 'string' ? data.agentId : '-';
      context.guardedUpdate(
        CONTACT_CELLS,
        `${day}|${slot}|${event.metadata.districtId}|${queueId}|${agentId}`,
        {
          $set: { day, slot, districtId: event.metadata.districtId, queueId, agentId },
          $inc: inc,
        },
      );
      return Promise.resolve();
    },
  };
}
