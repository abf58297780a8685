import { ValidationError } from '@hotline/contracts';
import type { JetStreamTopology } from './jetstream-topology';

/**
 * One NATS cluster may carry several deployments (a city and its districts, staging beside
 * production). Each names itself with HOTLINE_BUS_PREFIX; every command, query, event and dead-letter
 * subject on the wire then starts with `<prefix>.` and every stream name with `<prefix>_`, so two
 * deployments never answer each other's requests nor read each other's events. The code keeps the
 * contracts' subjects (`hotline.cmd.workflow.RegisterCase`): only the NATS adapters add the prefix.
 * No prefix (the default) keeps the subjects and streams as they were.
 */
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** A ValidationError naming HOTLINE_BUS_PREFIX when `prefix` is not one plain subject token. */
export const checkBusPrefix = (prefix: string | undefined): string | undefined => {
  if (prefix === undefined || prefix === '') return undefined;
  if (!PREFIX.test(prefix))
    throw new ValidationError(
      'HOTLINE_BUS_PREFIX',
      'must be 1-32 characters of A-Z a-z 0-9 _ - starting with a letter or digit',
    );
  return prefix;
};

/** `<prefix>.<subject>`, or the subject itself without a prefix. */
export const prefixSubject = (prefix: string | undefined, subject: string): string =>
  prefix ? `${prefix}.${subject}` : subject;

/** The logical subject of a wire subject (the inverse of prefixSubject). */
export const unprefixSubject = (prefix: string | undefined, subject: string): string =>
  prefix && subject.startsWith(`${prefix}.`) ? subject.slice(prefix.length + 1) : subject;

/** `<prefix>_<stream>` (stream names cannot hold dots), or the stream itself without a prefix. */
export const prefixStream = (prefix: string | undefined, stream: string): string =>
  prefix ? `${prefix}_${stream}` : stream;

/** Every stream name and subject prefix of a topology, under the deployment's prefix. */
export const prefixTopology = (
  prefix: string | undefined,
  topology: JetStreamTopology,
): JetStreamTopology => ({
  eventsStream: prefixStream(prefix, topology.eventsStream),
  dlqStream: prefixStream(prefix, topology.dlqStream),
  eventsSubjectPrefix: prefixSubject(prefix, topology.eventsSubjectPrefix),
  dlqSubjectPrefix: prefixSubject(prefix, topology.dlqSubjectPrefix),
});
