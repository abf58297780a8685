import { IdempotencyConflict } from './event-store.errors';
import type { AppendResult, ExpectedRevision } from './event-store.port';

/** Where an event already stored sits, as far as an idempotent retry cares. */
export interface StoredEventRef {
  streamId: string;
  revision: number;
  position: number;
}

/** Whether a stream whose last revision is `head` (-1: no stream) is as the writer expected. */
export function matchesExpected(expected: ExpectedRevision, head: number): boolean {
  if (typeof expected === 'number') return head === expected;
  switch (expected) {
    case 'any':
      return true;
    case 'noStream':
      return head < 0;
    case 'streamExists':
      return head >= 0;
    default: {
      const unexpected: never = expected;
      throw new Error(`unknown expected revision ${String(unexpected)}`);
    }
  }
}

/**
 * The first id of an append is stored already: the append is a faithful retry only if every id
 * sits in this stream, in the same order, at consecutive revisions. It then gets the original
 * append's result; otherwise IdempotencyConflict names the first id out of place.
 */
export function repeatedAppendResult(
  streamId: string,
  eventIds: readonly string[],
  stored: (eventId: string) => StoredEventRef | undefined,
): AppendResult {
  const first = stored(eventIds[0] as string);
  let last = first;
  for (const [i, eventId] of eventIds.entries()) {
    const ref = i === 0 ? first : stored(eventId);
    if (
      ref === undefined ||
      first === undefined ||
      ref.streamId !== streamId ||
      ref.revision !== first.revision + i
    ) {
      throw new IdempotencyConflict(streamId, eventId);
    }
    last = ref;
  }
  return {
    nextExpectedRevision: (last as StoredEventRef).revision,
    position: (last as StoredEventRef).position,
  };
}
