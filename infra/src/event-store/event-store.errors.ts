import { HotlineError } from '@hotline/contracts';
import type { ExpectedRevision } from './event-store.port';

export const describeRevision = (r: ExpectedRevision | 'none'): string => String(r);

/** The stream was not in the state the writer expected; nothing was appended. */
export class WrongExpectedVersion extends HotlineError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'noStream'. */
    readonly actual: number | 'noStream',
  ) {
    super(
      'conflict',
      'WRONG_EXPECTED_VERSION',
      `stream ${streamId}: expected ${describeRevision(expected)}, actual ${describeRevision(actual)}`,
      undefined,
      { streamId, expected, actual },
    );
  }
}

export class StreamNotFound extends HotlineError {
  constructor(readonly streamId: string) {
    super('not-found', 'STREAM_NOT_FOUND', `stream ${streamId} has no events`, undefined, { streamId });
  }
}

/**
 * Some, but not all, of an append's event ids are already stored (or stored elsewhere): the append
 * is neither new nor a faithful retry of an earlier one. Nothing was appended.
 */
export class IdempotencyConflict extends HotlineError {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(
      'conflict',
      'IDEMPOTENCY_CONFLICT',
      `stream ${streamId}: event ${eventId} breaks the retry of an earlier append with overlapping event ids`,
      undefined,
      {
        streamId,
        eventId,
      },
    );
  }
}

/** The store is closed, or another process held the write lock past the busy timeout: retry later. */
export class EventStoreUnavailable extends HotlineError {
  constructor(reason: string, cause?: unknown) {
    super('unavailable', 'EVENT_STORE_UNAVAILABLE', reason);
    if (cause !== undefined) this.cause = cause;
  }
}
