import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { HotlineError, type Clock, type CommandEnvelope, type EventToAppend } from '@hotline/contracts';
import { IdempotencyConflict, WrongExpectedVersion } from '../event-store/event-store.errors';
import type { EventStore } from '../event-store/event-store.port';
import { validateStreamId } from '../event-store/validate-append';
import {
  injectTraceHeaders,
  withExtractedContext,
  withSpan,
  type CommandMetrics,
  type Logger,
} from '../telemetry';
import type { Aggregate, LoadedAggregate } from './aggregate';
import { earlierResult, type CommandResult } from './command-result';
import type { DecideContext, DomainMessage } from './decider';
import { deriveEventId } from './derive-event-id';

export interface CommandHandlerDeps {
  store: EventStore;
  clock: Clock;
  /** From `commandMetrics(registry)`; without it nothing is counted. */
  metrics?: CommandMetrics;
  logger?: Logger;
  /** Load → decide → append attempts before a concurrency conflict is surfaced. Default 5. */
  maxAttempts?: number;
}

export type HandleCommandRequest<C extends DomainMessage, E extends DomainMessage, S, X extends object> = {
  aggregate: Aggregate<C, E, S, X>;
  /** The aggregate's id: the stream is `aggregate.streamId(id)`. */
  id: string;
  /** Already checked (see `parseCommand`): `{ type, data }` is one of the decider's commands. */
  command: CommandEnvelope;
} & (object extends X
  ? { context?: X | ContextOf<S, X> }
  : {
      /**
       * What `decide` needs besides the command and the state; a function when it depends on the
       * loaded stream (called after each load, before a repeat is answered), so nothing reads twice.
       */
      context: X | ContextOf<S, X>;
    });

/** The decide context made from the loaded stream. */
export type ContextOf<S, X> = (loaded: LoadedAggregate<S>) => X | Promise<X>;

const DEFAULT_MAX_ATTEMPTS = 5;
const RETRY_BASE_DELAY_MS = 5;

/**
 * Handles one command: load the stream, fold it, decide, append with the expected revision.
 *
 * - A command id already present in the stream's events returns that first result without deciding
 *   again. A command that appended nothing leaves no trace, so its repeat is decided again: still a
 *   no-op unless the stream changed in between.
 * - Event ids derive from the stream, the command id and the index, so a duplicate racing the first
 *   delivery re-appends the same ids, which the store treats as a repeat.
 * - A concurrent write (WrongExpectedVersion) restarts from the load, up to `maxAttempts` times with
 *   jittered backoff; then the conflict is thrown. A RuleViolation thrown by `decide` is never retried.
 */
export async function handleCommand<
  C extends DomainMessage,
  E extends DomainMessage,
  S,
  X extends object = object,
>(deps: CommandHandlerDeps, request: HandleCommandRequest<C, E, S, X>): Promise<CommandResult> {
  const started = performance.now();
  let type = 'invalid';
  let outcome = 'internal';
  try {
    const envelope = request.command;
    const streamId = request.aggregate.streamId(request.id);
    validateStreamId(streamId);
    type = envelope.type;
    const command = { type: envelope.type, data: envelope.data } as C;
    const result = await inEnvelopeTrace(envelope, () =>
      withSpan(
        `command ${type}`,
        {
          'hotline.command.type': type,
          'hotline.command.id': envelope.commandId,
          'hotline.stream.id': streamId,
          'hotline.district.id': envelope.metadata.districtId,
        },
        async (span) => {
          const handled = await decideAndAppend(deps, request, streamId, command);
          span.setAttributes({
            'hotline.command.idempotent': handled.idempotent,
            'hotline.events.count': handled.events.length,
          });
          return handled;
        },
      ),
    );
    outcome = result.idempotent ? 'idempotent' : 'ok';
    if (!result.idempotent) {
      for (const event of result.events) deps.metrics?.eventsAppended.inc({ type: event.type });
    }
    return result;
  } catch (error) {
    outcome = error instanceof HotlineError ? error.kind : 'internal';
    throw error;
  } finally {
    deps.metrics?.total.inc({ type, outcome });
    deps.metrics?.duration.observe({ type, outcome }, (performance.now() - started) / 1000);
  }
}

async function decideAndAppend<C extends DomainMessage, E extends DomainMessage, S, X extends object>(
  deps: CommandHandlerDeps,
  request: HandleCommandRequest<C, E, S, X>,
  streamId: string,
  command: C,
): Promise<CommandResult> {
  const { store, clock } = deps;
  const { aggregate, command: envelope } = request;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const loaded = await aggregate.load(store, request.id);
    const context: X =
      typeof request.context === 'function' ? await request.context(loaded) : (request.context as X);
    const streamDistrictId = aggregate.keepsDistrict ? loaded.events[0]?.metadata.districtId : undefined;
    const earlier = earlierResult(streamId, loaded.events, envelope.commandId);
    if (earlier) return earlier;

    const now = clock.now();
    const decideContext: DecideContext = {
      now,
      actor: envelope.metadata.actor,
      districtId: envelope.metadata.districtId,
      commandId: envelope.commandId,
      ...(streamDistrictId !== undefined ? { streamDistrictId } : {}),
    };
    const decided = aggregate.decider.decide(command, loaded.state, {
      ...context,
      ...decideContext,
    });
    if (decided.length === 0) {
      const last = loaded.events.at(-1);
      return {
        streamId,
        events: [],
        nextExpectedRevision: loaded.expected,
        position: last?.position ?? 0,
        idempotent: false,
      };
    }
    const toAppend = decided.map((event, index) =>
      toEventToAppend(
        event,
        index,
        streamDistrictId !== undefined
          ? { ...envelope, metadata: { ...envelope.metadata, districtId: streamDistrictId } }
          : envelope,
        streamId,
        now,
        (type) => aggregate.eventVersion(type),
      ),
    );
    try {
      const appended = await withSpan(
        'event-store append',
        {
          'hotline.stream.id': streamId,
          'hotline.events.count': toAppend.length,
          'hotline.attempt': attempt,
        },
        () => store.append(streamId, toAppend, loaded.expected),
      );
      const first = appended.nextExpectedRevision - (toAppend.length - 1);
      return {
        streamId,
        events: toAppend.map((event, i) => ({
          id: event.id,
          type: event.type,
          version: event.version,
          revision: first + i,
        })),
        nextExpectedRevision: appended.nextExpectedRevision,
        position: appended.position,
        idempotent: false,
      };
    } catch (error) {
      // An IdempotencyConflict means a duplicate of this command won with other events: the next
      // load finds them and answers with the first result.
      const retriable = error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict;
      if (!retriable || attempt >= maxAttempts) throw error;
      deps.metrics?.conflictRetries.inc({ type: command.type });
      deps.logger?.debug(
        { streamId, commandType: command.type, attempt, code: error.code },
        'command conflicted, retrying',
      );
      await sleep(Math.random() * RETRY_BASE_DELAY_MS * 2 ** (attempt - 1));
    }
  }
}

function toEventToAppend<E extends DomainMessage>(
  event: E,
  index: number,
  envelope: CommandEnvelope,
  streamId: string,
  now: Date,
  eventVersions: (type: E['type']) => number,
): EventToAppend {
  const { actor, districtId, correlationId } = envelope.metadata;
  return {
    id: deriveEventId(streamId, envelope.commandId, index),
    type: event.type,
    version: eventVersions(event.type),
    data: event.data,
    time: now.toISOString(),
    metadata: {
      correlationId,
      causationId: envelope.commandId,
      commandId: envelope.commandId,
      actor,
      districtId,
      ...injectTraceHeaders(),
    },
  };
}

/** Continues the envelope's trace when the transport did not already make a span active. */
function inEnvelopeTrace<T>(envelope: CommandEnvelope, fn: () => Promise<T>): Promise<T> {
  const active = trace.getSpanContext(context.active());
  if (active && isSpanContextValid(active)) return fn();
  return withExtractedContext(envelope.metadata.traceparent, envelope.metadata.tracestate, fn);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
