import type { RecordedEvent } from '@hotline/contracts';

export interface AppendedEventSummary {
  id: string;
  type: string;
  version: number;
  revision: number;
}

/** What a handled command answers; the same again when the command id is repeated. */
export interface CommandResult {
  streamId: string;
  /** The events the command appended (on a repeat: the ones the first delivery appended). */
  events: AppendedEventSummary[];
  /** Revision of the last event the command wrote (or of the stream, when it wrote none). */
  nextExpectedRevision: number | 'noStream';
  /** Global position of that event: read models are up to date with the command once past it. 0: none. */
  position: number;
  /** True when the command id had been handled before and nothing was decided this time. */
  idempotent: boolean;
}

export const summarise = (event: RecordedEvent): AppendedEventSummary => ({
  id: event.id,
  type: event.type,
  version: event.version,
  revision: event.revision,
});

/** The first result of a command whose events are already in the stream, or undefined. */
export function earlierResult(
  streamId: string,
  events: RecordedEvent[],
  commandId: string,
): CommandResult | undefined {
  const earlier = events.filter((event) => event.metadata.commandId === commandId);
  const last = earlier.at(-1);
  if (!last) return undefined;
  return {
    streamId,
    events: earlier.map(summarise),
    nextExpectedRevision: last.revision,
    position: last.position,
    idempotent: true,
  };
}
