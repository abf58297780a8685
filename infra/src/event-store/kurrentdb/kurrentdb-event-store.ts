import { ValidationError, type EventToAppend, type RecordedEvent } from '@hotline/contracts';
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import { IdempotencyConflict, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeAllOptions,
} from '../event-store.port';
import { validateAppend, validateStreamId, type ValidatedEvent } from '../validate-append';
import { validateReadOptions } from '../validate-read-options';
import {
  fromResolved,
  kurrentEventId,
  matches,
  serverFilter,
  toEventData,
  toPosition,
  toStreamState,
} from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

/**
 * The distributed event store: KurrentDB (EventStoreDB) through `@kurrent/kurrentdb-client`.
 * Durability is the server's (every acknowledged write is fsynced on a quorum of the cluster).
 */
export class KurrentDbEventStore implements EventStore {
  private constructor(private readonly client: KurrentDBClient) {}

  /** `kurrentdb://host:2113?tls=false`, or any connection string the client accepts. */
  static connect(connectionString: string): KurrentDbEventStore {
    if (typeof connectionString !== 'string' || connectionString.length === 0) {
      throw new ValidationError('connectionString', 'must be a non-empty connection string');
    }
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected);
    try {
      const result = await this.client.appendToStream(streamId, validated.map(toEventData), {
        streamState: toStreamState(expected),
      });
      if (result.position !== undefined) {
        return {
          nextExpectedRevision: Number(result.nextExpectedRevision),
          position: Number(result.position.commit),
        };
      }
      // An idempotent retry is acknowledged without a position: report the original one.
      return await this.originalResult(streamId, validated);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (expected === 'any' || (await this.overlapsStoredEvents(streamId, validated, expected))) {
        throw new IdempotencyConflict(streamId, (validated[0] as ValidatedEvent).id);
      }
      const actual = error.actualState === NO_STREAM ? 'noStream' : Number(error.actualState);
      throw new WrongExpectedVersion(streamId, expected, actual);
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateStreamId(streamId);
    const { direction, fromRevision, maxCount } = validateReadOptions.stream(options);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision:
          fromRevision !== undefined ? BigInt(fromRevision) : direction === 'forwards' ? START : END,
        ...(maxCount !== Infinity ? { maxCount } : {}),
      })) {
        const event = fromResolved(resolved);
        if (event !== undefined) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new StreamNotFound(streamId);
      throw error;
    }
    return events;
  }

  async readStreamOrEmpty(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    try {
      return await this.readStream(streamId, options);
    } catch (error) {
      if (error instanceof StreamNotFound) return [];
      throw error;
    }
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { direction, fromPosition, maxCount, filter } = validateReadOptions.all(options);
    const forwards = direction === 'forwards';
    const start =
      fromPosition === undefined || (forwards && fromPosition === 0)
        ? forwards
          ? START
          : END
        : toPosition(fromPosition);
    const events: RecordedEvent[] = [];
    // KurrentDB reads $all from a position inclusively; ours is exclusive, so the boundary event is skipped below.
    for await (const resolved of this.client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: start,
      filter: serverFilter(filter),
    })) {
      const event = fromResolved(resolved);
      if (event === undefined || !matches(event, filter)) continue;
      if (
        fromPosition !== undefined &&
        (forwards ? event.position <= fromPosition : event.position >= fromPosition)
      )
        continue;
      events.push(event);
      if (events.length >= maxCount) break;
    }
    return events;
  }

  subscribeToAll(options?: SubscribeAllOptions): AllSubscription {
    const { fromPosition, filter } = validateReadOptions.subscribe(options);
    const source = this.client.subscribeToAll({
      fromPosition: fromPosition === 0 ? START : toPosition(fromPosition),
      filter: serverFilter(filter),
    });
    return new KurrentDbSubscription(source, fromPosition, filter);
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      const commit = resolved.event?.position.commit ?? resolved.commitPosition;
      if (commit !== undefined) return Number(commit);
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The events of an acknowledged retry, as stored by the first append. */
  private async originalResult(streamId: string, events: ValidatedEvent[]): Promise<AppendResult> {
    const lastId = kurrentEventId((events[events.length - 1] as ValidatedEvent).id);
    for await (const resolved of this.client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
    })) {
      if (resolved.event?.id === lastId) {
        const event = fromResolved(resolved);
        if (event !== undefined) return { nextExpectedRevision: event.revision, position: event.position };
      }
    }
    throw new IdempotencyConflict(streamId, (events[0] as ValidatedEvent).id);
  }

  /**
   * KurrentDB answers a retry whose first ids repeat an earlier append but whose later ids differ
   * with a wrong-expected-version error; telling it apart needs a look at what the stream holds.
   */
  private async overlapsStoredEvents(
    streamId: string,
    events: ValidatedEvent[],
    expected: ExpectedRevision,
  ): Promise<boolean> {
    if (expected === 'streamExists') return false;
    const ids = new Set(events.map((e) => kurrentEventId(e.id)));
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: typeof expected === 'number' ? BigInt(expected + 1) : START,
        maxCount: events.length,
      })) {
        if (resolved.event !== undefined && ids.has(resolved.event.id)) return true;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
    return false;
  }
}
