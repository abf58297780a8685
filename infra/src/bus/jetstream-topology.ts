import {
  allEventsSubject,
  deadLetterSubject,
  DLQ_STREAM,
  EVENTS_STREAM,
  eventSubject,
  streamCategoryOf,
  ValidationError,
  type RecordedEvent,
} from '@hotline/contracts';
import type { AllFilter } from '../event-store/event-store.port';
import { isPlainSubject } from './bus-record';

/**
 * Where events and dead letters live on JetStream. The defaults are the contracts' subject scheme;
 * tests and side-by-side deployments use their own names so they never touch the real streams.
 */
export interface JetStreamTopology {
  eventsStream: string;
  dlqStream: string;
  /** Replaces `hotline.evt` in `hotline.evt.<district>.<category>.<Type>`. */
  eventsSubjectPrefix: string;
  /** Replaces `hotline.dlq` in `hotline.dlq.<consumer>`. */
  dlqSubjectPrefix: string;
}

const EVENTS_ROOT = allEventsSubject.slice(0, -'.>'.length);
const DLQ_ROOT = deadLetterSubject('x').slice(0, -'.x'.length);

export const DEFAULT_TOPOLOGY: JetStreamTopology = {
  eventsStream: EVENTS_STREAM,
  dlqStream: DLQ_STREAM,
  eventsSubjectPrefix: EVENTS_ROOT,
  dlqSubjectPrefix: DLQ_ROOT,
};

const STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The topology with defaults filled in; a ValidationError names a bad stream name or prefix. */
export const resolveTopology = (topology: Partial<JetStreamTopology> = {}): JetStreamTopology => {
  const resolved = { ...DEFAULT_TOPOLOGY, ...topology };
  for (const field of ['eventsStream', 'dlqStream'] as const) {
    if (!STREAM_NAME.test(resolved[field]))
      throw new ValidationError(field, 'must be 1-64 characters of A-Z a-z 0-9 _ -');
  }
  for (const field of ['eventsSubjectPrefix', 'dlqSubjectPrefix'] as const) {
    if (!isPlainSubject(resolved[field]))
      throw new ValidationError(field, 'must be a subject without wildcards');
  }
  if (resolved.eventsSubjectPrefix === resolved.dlqSubjectPrefix) {
    throw new ValidationError('dlqSubjectPrefix', 'must differ from eventsSubjectPrefix');
  }
  return resolved;
};

/** `<prefix>.<district>.<category>.<Type>`, tokens checked by the contracts' scheme. */
export const eventSubjectOf = (topology: JetStreamTopology, event: RecordedEvent): string =>
  topology.eventsSubjectPrefix +
  eventSubject(event.metadata.districtId, streamCategoryOf(event.streamId), event.type).slice(
    EVENTS_ROOT.length,
  );

export const deadLetterSubjectOf = (topology: JetStreamTopology, consumer: string): string =>
  topology.dlqSubjectPrefix + deadLetterSubject(consumer).slice(DLQ_ROOT.length);

/**
 * Subject filters for a consumer: event types become the last token, stream prefixes the category
 * token when the prefix names a whole category (`case-…`); otherwise that token stays a wildcard and
 * the consumer filters the rest (see matchesFilter).
 */
export const filterSubjectsOf = (topology: JetStreamTopology, filter: AllFilter | undefined): string[] => {
  const categories = filter?.streamPrefixes?.map((prefix) => {
    const category = streamCategoryOf(prefix);
    return prefix.includes('-') && /^[A-Za-z0-9_-]+$/.test(category) ? category : '*';
  }) ?? ['*'];
  const types = filter?.eventTypes ?? ['*'];
  const subjects = new Set<string>();
  for (const category of categories.includes('*') ? ['*'] : categories) {
    for (const type of types) subjects.add(`${topology.eventsSubjectPrefix}.*.${category}.${type}`);
  }
  return [...subjects];
};
