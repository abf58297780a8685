import type { RecordedEvent } from '@hotline/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { connectNats } from './connect-nats';
import { ensureEventStreams } from './ensure-event-streams';
import { JetStreamEventBus } from './jetstream-event-bus';
import { JetStreamEventPublisher } from './jetstream-event-publisher';
import { isolatedTopology } from './testing/isolated-topology';
import { readJetStreamDeadLetters } from './read-jetstream-dead-letters';
import { describeEventBusContract } from './testing/event-bus.contract';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

describeEventBusContract('JetStream', async () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 12);
  const topology = isolatedTopology(run);
  const connection = await connectNats({ servers, name: `event-bus-contract-${run}` });
  const jsm = await jetstreamManager(connection);
  await ensureEventStreams(jsm, { topology });
  const publisher = new JetStreamEventPublisher({ connection, topology });
  const bus = new JetStreamEventBus({ connection, topology, retryBackoff: { initialMs: 50, maxMs: 200 } });
  // The relay's job in production: give each event a position and a revision, and keep them on a republish.
  const recorded = new Map<string, RecordedEvent>();
  const revisions = new Map<string, number>();
  return {
    bus,
    emit: async (events) => {
      const batch = events.map(({ streamId, event }) => {
        const known = recorded.get(event.id);
        if (known !== undefined) return known;
        const revision = (revisions.get(streamId) ?? -1) + 1;
        revisions.set(streamId, revision);
        const made: RecordedEvent = { ...event, streamId, revision, position: recorded.size + 1 };
        recorded.set(event.id, made);
        return made;
      });
      await publisher.publish(batch);
    },
    emitRaw: async (payload) => {
      await jetstream(connection).publish(`${topology.eventsSubjectPrefix}.city.case.Garbage`, payload, {
        msgID: randomUUID(),
      });
    },
    deadLetters: (consumer) => readJetStreamDeadLetters(connection, consumer, topology),
    close: async () => {
      await bus.close();
      await jsm.streams.delete(topology.eventsStream);
      await jsm.streams.delete(topology.dlqStream);
      await connection.drain();
    },
  };
});
