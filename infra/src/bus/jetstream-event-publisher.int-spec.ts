import type { RecordedEvent } from '@hotline/contracts';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { BusHeader } from './bus-record';
import { connectNats } from './connect-nats';
import { ensureEventStreams } from './ensure-event-streams';
import { JetStreamEventPublisher } from './jetstream-event-publisher';
import type { JetStreamTopology } from './jetstream-topology';
import { isolatedTopology } from './testing/isolated-topology';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const recorded = (n: number, districtId = 'chaoyang'): RecordedEvent => ({
  id: randomUUID(),
  type: 'CaseFiled',
  version: 1,
  data: { n },
  metadata: {
    correlationId: 'corr-7',
    causationId: 'cmd-7',
    actor: { id: 'agent-1', role: 'agent' },
    districtId,
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  },
  time: '2024-05-06T09:30:00.000+08:00',
  streamId: 'case-9',
  revision: n,
  position: n + 1,
});

describe('JetStreamEventPublisher and ensureEventStreams', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let topology: JetStreamTopology;

  beforeEach(async () => {
    topology = isolatedTopology();
    connection = await connectNats({ servers, name: 'publisher-spec' });
    jsm = await jetstreamManager(connection);
    await ensureEventStreams(jsm, { topology });
  });

  afterEach(async () => {
    await jsm.streams.delete(topology.eventsStream);
    await jsm.streams.delete(topology.dlqStream);
    await connection.drain();
  });

  it('creates both streams once and updates their settings when run again', async () => {
    await ensureEventStreams(jsm, { topology, duplicateWindowMs: 60_000 });
    const events = await jsm.streams.info(topology.eventsStream);
    expect(events.config).toMatchObject({
      subjects: [`${topology.eventsSubjectPrefix}.>`],
      storage: 'file',
      num_replicas: 1,
    });
    expect(events.config.duplicate_window).toBe(60_000 * 1_000_000);
    expect((await jsm.streams.info(topology.dlqStream)).config.subjects).toEqual([
      `${topology.dlqSubjectPrefix}.>`,
    ]);
  });

  it('publishes each event on its subject with its id, trace and correlation headers', async () => {
    const publisher = new JetStreamEventPublisher({ connection, topology });
    const events = [recorded(0), recorded(1)];
    await publisher.publish(events);
    const stored = await jsm.streams.getMessage(topology.eventsStream, { seq: 2 });
    expect(stored?.subject).toBe(`${topology.eventsSubjectPrefix}.chaoyang.case.CaseFiled`);
    expect(stored?.header.get('Nats-Msg-Id')).toBe(events[1]?.id);
    expect(stored?.header.get(BusHeader.traceparent)).toBe(events[1]?.metadata.traceparent);
    expect(stored?.header.get(BusHeader.correlationId)).toBe('corr-7');
    expect(stored?.json()).toEqual(events[1]);
  });

  it('drops a republished event id', async () => {
    const publisher = new JetStreamEventPublisher({ connection, topology });
    const event = recorded(0);
    await publisher.publish([event]);
    await publisher.publish([event, recorded(1)]);
    expect((await jsm.streams.info(topology.eventsStream)).state.messages).toBe(2);
  });

  it('rejects a malformed event, naming the field, and publishes none of the batch', async () => {
    const publisher = new JetStreamEventPublisher({ connection, topology });
    await expect(publisher.publish([recorded(0), recorded(1, 'Not A District')])).rejects.toMatchObject({
      kind: 'validation',
      field: 'events.1.metadata.districtId',
    });
    expect((await jsm.streams.info(topology.eventsStream)).state.messages).toBe(0);
  });
});
