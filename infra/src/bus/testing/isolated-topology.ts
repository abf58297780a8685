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

/**
 * The same isolation as settings for a platform a test boots (`HOTLINE_EVENTS_STREAM` …): streams
 * `<NAME>_<tag>` and `<NAME>_DLQ_<tag>`, subjects under `<name><tag>`.
 */
export function isolatedStreamSettings(name: string, tag: string): Record<string, string> {
  const lower = name.toLowerCase();
  return {
    HOTLINE_EVENTS_STREAM: `${name}_${tag}`,
    HOTLINE_DLQ_STREAM: `${name}_DLQ_${tag}`,
    HOTLINE_EVENTS_SUBJECT_PREFIX: `${lower}${tag}.evt`,
    HOTLINE_DLQ_SUBJECT_PREFIX: `${lower}${tag}.dlq`,
  };
}
