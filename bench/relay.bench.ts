/**
 * Relay throughput: events already in the SQLite store published to JetStream by the Relay
 * (ordered, batched, acks awaited, Nats-Msg-Id dedup), beside a plain JetStream client publishing
 * the same number of messages of the same size in the same run. Goal: ≥ 50 % of raw.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import type { EventToAppend } from '@hotline/contracts';
import { connectNats, ensureEventStreams, JetStreamEventPublisher } from '@hotline/infra/bus';
import { rawJetStreamPublish } from '@hotline/infra/bus/testing';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { Relay } from '@hotline/infra/relay';
import { type Benchmark, timed } from './bench-kit';

const event = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'CaseSigned',
  version: 1,
  data: {
    caseId: `c-${i % 5_000}`,
    unitId: 'unit-district-1-housing',
    note: '已签收，将于一个工作日内联系来电人',
  },
  metadata: {
    correlationId: `corr-${i}`,
    causationId: `cmd-${i}`,
    actor: { id: 'handler-17', role: 'unit-handler', unitId: 'unit-district-1-housing' },
    districtId: 'district-1',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  },
  time: '2026-11-24T10:00:00.000+08:00',
});

export const run: Benchmark = async (context) => {
  const count = Math.max(1_000, Math.round(100_000 * context.scale));
  const store = SqliteEventStore.open({ path: join(context.tmpDir, 'relay.db'), durability: 'off' });
  for (let i = 0; i < count; i += 100) {
    await store.append(
      `case-${i}`,
      Array.from({ length: Math.min(100, count - i) }, (_, j) => event(i + j)),
      'noStream',
    );
  }
  const sample = (await store.readAll({ maxCount: 1 }))[0];
  const size = Buffer.byteLength(JSON.stringify(sample));

  const connection = await connectNats({ servers: context.natsUrl, name: 'bench-relay' });
  const jsm = await jetstreamManager(connection);
  const tag = randomUUID().slice(0, 8);
  const topology = {
    eventsStream: `BENCH_EVENTS_${tag}`,
    dlqStream: `BENCH_DLQ_${tag}`,
    eventsSubjectPrefix: `bench${tag}.evt`,
    dlqSubjectPrefix: `bench${tag}.dlq`,
  };
  try {
    await ensureEventStreams(jsm, { topology });
    const publisher = new JetStreamEventPublisher({ connection, topology });
    const relay = new Relay({
      store,
      publisher,
      resumePosition: () => Promise.resolve(undefined),
      batchSize: 1_000,
    });
    const head = await store.headPosition();
    const ours = await timed(count, async () => {
      await relay.start();
      while (relay.position < head) await new Promise((resolve) => setTimeout(resolve, 2));
    });
    await relay.stop();
    await publisher.close();
    const stored = (await jsm.streams.info(topology.eventsStream)).state.messages;
    if (stored !== count)
      throw new Error(`relay benchmark: ${stored} messages in JetStream, expected ${count}`);

    const raw = await rawJetStreamPublish({ connection, count, size, window: 1_000 });
    return [
      {
        name: 'relay: store → JetStream',
        unit: 'event',
        ours,
        raw: { ...raw, label: `JetStream publish (${size} B, window 1000)` },
        goal: { minRatio: 0.5 },
        notes: `${count} events of ${size} bytes, batches of 1000`,
      },
    ];
  } finally {
    await jsm.streams.delete(topology.eventsStream).catch(() => undefined);
    await jsm.streams.delete(topology.dlqStream).catch(() => undefined);
    await connection.close();
    await store.close();
  }
};
