/**
 * The bus on a three-node JetStream cluster (R3 streams) under faults: a node is SIGKILLed while the
 * relay's publisher and a projection's consumer work; then the whole cluster restarts. Nothing is
 * lost and nothing is doubled: the stream holds each event once (Nats-Msg-Id drops a republish) and
 * the consumer sees every event. Prints the recovery time (kill → first acknowledged publish).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@hotline/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats } from './connect-nats';
import { ensureEventStreams } from './ensure-event-streams';
import type { EventConsumer } from './event-bus.port';
import { JetStreamEventBus } from './jetstream-event-bus';
import { JetStreamEventPublisher } from './jetstream-event-publisher';
import { natsCluster, type NatsCluster } from './testing/nats-cluster';

const TOTAL = 1_500;
const BATCH = 25;
const topology = {
  eventsStream: 'FAULTS_EVENTS',
  dlqStream: 'FAULTS_DLQ',
  eventsSubjectPrefix: 'faults.evt',
  dlqSubjectPrefix: 'faults.dlq',
};

const event = (n: number): RecordedEvent => ({
  id: randomUUID(),
  type: 'CaseFiled',
  version: 1,
  data: { n },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId: 'gulou' },
  time: '2026-12-06T09:30:00.000+08:00',
  streamId: `case-${n}`,
  revision: 0,
  position: n + 1,
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('NATS cluster under faults (3 nodes, R3)', () => {
  jest.setTimeout(15 * 60_000);
  const dir = mkdtempSync(join(tmpdir(), 'hotline-nats-cluster-'));
  let cluster: NatsCluster;
  const connections: NatsConnection[] = [];
  const connectTo = async (name: string): Promise<NatsConnection> => {
    const nc = await connectNats({ servers: cluster.urls, name, reconnectTimeWaitMs: 250 });
    connections.push(nc);
    return nc;
  };

  beforeAll(async () => {
    cluster = await natsCluster(dir, { syncAlways: true });
  });
  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Publishes a batch until JetStream acknowledges it (a relay's retry); returns the attempts. */
  const publishUntilAcked = async (publisher: JetStreamEventPublisher, events: RecordedEvent[]) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await publisher.publish(events);
        return attempt;
      } catch {
        await sleep(100);
      }
    }
  };

  it('loses and doubles nothing when a node dies during a load, and recovers by itself', async () => {
    const relay = await connectTo('relay');
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await ensureEventStreams(await jetstreamManager(relay), { topology, replicas: 3 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error; // the cluster elects its meta leader first
        await sleep(250);
      }
    }
    const publisher = new JetStreamEventPublisher({ connection: relay, topology, ackTimeoutMs: 2_000 });
    const seen = new Map<string, number>();
    const bus = new JetStreamEventBus({ connection: await connectTo('projection'), topology });
    const consumer: EventConsumer = await bus.consume({ durableName: 'faults-projection' }, async (e) => {
      seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
    });

    const events = Array.from({ length: TOTAL }, (_, n) => event(n));
    let killedAt = 0;
    let recoveredMs = -1;
    let retried = 0;
    for (let at = 0; at < TOTAL; at += BATCH) {
      if (at === TOTAL / 2 - ((TOTAL / 2) % BATCH)) {
        await cluster.kill(0);
        killedAt = Date.now();
      }
      const attempts = await publishUntilAcked(publisher, events.slice(at, at + BATCH));
      retried += attempts - 1;
      if (killedAt > 0 && recoveredMs < 0) recoveredMs = Date.now() - killedAt;
    }
    const settle = Date.now() + 60_000;
    while (seen.size < TOTAL && Date.now() < settle) await sleep(100);
    const doubled = [...seen.values()].filter((count) => count > 1).length;
    process.stderr.write(
      `nats-cluster-faults: ${TOTAL} events, node killed mid-load; first acknowledged publish ` +
        `${recoveredMs} ms after the kill; ${retried} batch retries; ${doubled} redelivered to the consumer\n`,
    );
    const info = await (await jetstreamManager(relay)).streams.info(topology.eventsStream);
    // Each event once in the stream (republished batches included) and every one at the consumer.
    expect({ messages: info.state.messages, missing: events.filter((e) => !seen.has(e.id)).length }).toEqual({
      messages: TOTAL,
      missing: 0,
    });
    expect(recoveredMs).toBeGreaterThanOrEqual(0);

    await cluster.start(0);
    await consumer.stop();
  });

  it('keeps every acknowledged event across a whole-cluster restart', async () => {
    await cluster.stop();
    await Promise.all([0, 1, 2].map((i) => cluster.start(i)));
    const nc = await connectTo('after-restart');
    const deadline = Date.now() + 60_000;
    let messages = -1;
    while (Date.now() < deadline) {
      try {
        messages = (await (await jetstreamManager(nc)).streams.info(topology.eventsStream)).state.messages;
        break;
      } catch {
        await sleep(250);
      }
    }
    expect(messages).toBe(TOTAL);
  });
});
