import { randomUUID } from 'node:crypto';
import type { JetStreamTopology } from '../jetstream-topology';

/**
 * Streams and subjects of one test run alone, so parallel runs and the real HOTLINE_* streams never
 * meet; `run` names them (a fresh one by default).
 */
export function isolatedTopology(run = randomUUID().replaceAll('-', '').slice(0, 12)): JetStreamTopology {
  return {
    eventsStream: `T${run}_EVENTS`,
    dlqStream: `T${run}_DLQ`,
    eventsSubjectPrefix: `t${run}.evt`,
    dlqSubjectPrefix: `t${run}.dlq`,
  };
}
