import type { RecordedEvent } from '@hotline/contracts';
import { DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeRecordedEvent } from '../bus/event-bus.schemas';
import { matchesFilter } from '../bus/event-filter';
import { resolveTopology, type JetStreamTopology } from '../bus/jetstream-topology';
import type { ProjectionSource, SourceHandle } from './projection.port';

export interface JetStreamSourceOptions {
  connection: NatsConnection;
  topology?: Partial<JetStreamTopology>;
  /** Deliveries that may await their acknowledgement at once. Default 2048. */
  window?: number;
}

const positionOf = async (
  jsm: JetStreamManager,
  stream: string,
  seq: number,
): Promise<number | undefined> => {
  try {
    const message = await jsm.streams.getMessage(stream, { seq });
    return message ? message.json<{ position?: number }>().position : undefined;
  } catch {
    return undefined; // a deleted sequence: treat as unknown
  }
};

/**
 * The stream sequence of the first event after `fromPosition`. The relay publishes in position order,
 * so positions grow with stream sequences and a binary search over the stream finds it.
 */
async function startSequence(
  jsm: JetStreamManager,
  stream: string,
  fromPosition: number | undefined,
): Promise<{ seq: number; last: number }> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return { seq: state.last_seq + 1, last: state.last_seq };
  if (fromPosition === undefined) return { seq: state.first_seq, last: state.last_seq };
  let low = state.first_seq;
  let high = state.last_seq + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const position = await positionOf(jsm, stream, middle);
    if (position !== undefined && position <= fromPosition) low = middle + 1;
    else high = middle;
  }
  return { seq: low, last: state.last_seq };
}

/**
 * Events from the JetStream events stream (the distributed mode): an ordered consumer — no
 * per-message acknowledgement round trip, the server keeps the order — that starts after the
 * runner's checkpoint. The checkpoint in the read store is the truth, so nothing durable is kept on
 * the server, and any number of projections can read the stream at full speed.
 */
export function jetStreamSource(options: JetStreamSourceOptions): ProjectionSource {
  const topology = resolveTopology(options.topology);
  const window = options.window ?? 2048;
  return {
    async headPosition() {
      const jsm = await jetstreamManager(options.connection);
      const { state } = await jsm.streams.info(topology.eventsStream);
      if (state.messages === 0) return 0;
      return (await positionOf(jsm, topology.eventsStream, state.last_seq)) ?? 0;
    },
    start({ fromPosition, filter }, handlers): SourceHandle {
      let stopped = false;
      let rejected = false;
      let stopConsuming: (() => void) | undefined;
      const inFlight: Promise<void>[] = [];
      const settle = (delivery: Promise<void>): Promise<void> =>
        delivery.then(
          () => undefined,
          () => {
            rejected = true;
          },
        );
      const loop = (async () => {
        try {
          const jsm = await jetstreamManager(options.connection);
          const { seq, last } = await startSequence(jsm, topology.eventsStream, fromPosition);
          let delivered = fromPosition ?? 0;
          let caughtUp = false;
          if (seq > last) {
            caughtUp = true;
            handlers.onCaughtUp(delivered);
          }
          const consumer = await jetstream(options.connection).consumers.get(topology.eventsStream, {
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: seq,
            filter_subjects: `${topology.eventsSubjectPrefix}.>`,
          });
          const messages = await consumer.consume();
          stopConsuming = () => void messages.stop();
          if (stopped) messages.stop();
          for await (const message of messages) {
            if (stopped || rejected) break;
            const event = decoded(message.string());
            const takes = event !== undefined && event.position > delivered && matchesFilter(event, filter);
            if (takes) {
              inFlight.push(settle(handlers.onEvent(event)));
              if (inFlight.length >= window) await inFlight.shift();
            }
            if (event && event.position > delivered) delivered = event.position;
            // Live, at the head, after an event the filter leaves out: say so, so that a read waiting
            // for that position (a command of another service) is answered.
            if ((!caughtUp || !takes) && message.info.pending === 0) {
              await Promise.all(inFlight.splice(0));
              if (stopped || rejected) break;
              caughtUp = true;
              handlers.onCaughtUp(delivered);
            }
          }
        } catch (error) {
          if (!stopped) handlers.onError(error);
        } finally {
          await Promise.all(inFlight.splice(0));
          stopConsuming?.();
        }
      })();
      return {
        async stop() {
          stopped = true;
          stopConsuming?.();
          await loop;
        },
      };
    },
  };
}

/** The event a message carries; none for a foreign message (only the relay writes this stream). */
function decoded(text: string): RecordedEvent | undefined {
  try {
    return decodeRecordedEvent(text);
  } catch {
    return undefined;
  }
}
