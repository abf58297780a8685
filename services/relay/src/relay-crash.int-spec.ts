import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend, RecordedEvent } from '@hotline/contracts';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, ensureEventStreams, JetStreamEventBus } from '@hotline/infra/bus';
import { SqliteEventStore } from '@hotline/infra/event-store';
import {
  jetStreamSource,
  ProjectionRunner,
  storeSource,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ROOT = join(__dirname, '../../..');
const TOTAL = 10_000;
const STREAMS = 100;

const waitUntil = async (
  what: string,
  condition: () => Promise<boolean>,
  deadlineMs = 90_000,
): Promise<void> => {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Per stream: how many events, and the sum of their `n`: any event applied twice or missed shows. */
const tally: Projection = {
  name: 'relay-crash-tally',
  version: 1,
  collections: ['tallies'],
  handle: async (event, _store, context) => {
    const { n } = event.data as { n: number };
    context.guardedUpdate('tallies', event.streamId, { $inc: { events: 1, sum: n }, $set: { last: n } });
  },
};

const project = async (source: ProjectionSource): Promise<unknown[]> => {
  const store = SqliteReadStore.inMemory();
  const runner = new ProjectionRunner(tally, { store, source });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  const rows = await store.collection('tallies').find({}, { sort: { _id: 1 }, projection: { _pos: 0 } });
  await store.close();
  return rows;
};

describe('Relay (separate process) killed with SIGKILL in the middle of 10,000 events', () => {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const topology = {
    eventsStream: `RELAYT_${tag}`,
    dlqStream: `RELAYT_DLQ_${tag}`,
    eventsSubjectPrefix: `relayt${tag}.evt`,
    dlqSubjectPrefix: `relayt${tag}.dlq`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'hotline-relay-'));
  const path = join(dir, 'events.db');
  let store: SqliteEventStore;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let relay: ChildProcess | undefined;

  const startRelay = (): ChildProcess => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'services/relay/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        HOTLINE_MODE: 'distributed',
        EVENT_STORE_PATH: path,
        READ_STORE: 'memory',
        NATS_URL,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RELAY_BATCH_SIZE: '200',
        HOTLINE_EVENTS_STREAM: topology.eventsStream,
        HOTLINE_DLQ_STREAM: topology.dlqStream,
        HOTLINE_EVENTS_SUBJECT_PREFIX: topology.eventsSubjectPrefix,
        HOTLINE_DLQ_SUBJECT_PREFIX: topology.dlqSubjectPrefix,
      },
    });
    return child;
  };
  const inJetStream = async (): Promise<number> => {
    const info = await jsm.streams.info(topology.eventsStream);
    return info.state.messages;
  };

  /** Appends events `from..to-1`, ten per append, spread over STREAMS streams. */
  const appendRange = async (from: number, to: number): Promise<void> => {
    for (let i = from; i < to; i += 10) {
      const stream = `relaytest-${(i / 10) % STREAMS}`;
      const events: EventToAppend[] = [];
      for (let j = i; j < Math.min(i + 10, to); j++) {
        events.push({
          id: randomUUID(),
          type: 'CounterIncremented',
          version: 1,
          data: { n: j },
          metadata: {
            correlationId: 'relay-test',
            causationId: 'relay-test',
            actor: { id: 'relay-test', role: 'system' },
            districtId: 'city',
          },
          time: '2026-11-24T10:00:00.000+08:00',
        });
      }
      await store.append(stream, events, 'any');
    }
  };

  beforeAll(async () => {
    store = SqliteEventStore.open({ path, durability: 'normal' });
    nc = await connectNats({ servers: NATS_URL, name: 'relay-crash-test' });
    jsm = await jetstreamManager(nc);
    await ensureEventStreams(jsm, { topology });
  });

  afterAll(async () => {
    relay?.kill('SIGKILL');
    await jsm.streams.delete(topology.eventsStream).catch(() => undefined);
    await jsm.streams.delete(topology.dlqStream).catch(() => undefined);
    await nc.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every event to a JetStream consumer exactly once after a restart', async () => {
    relay = startRelay();
    const writing = appendRange(0, TOTAL / 2);
    // Kill it while it is publishing: some events are in JetStream, some in flight, some not yet read.
    await waitUntil('the relay has published a first part', async () => (await inJetStream()) >= 1_500);
    relay.kill('SIGKILL');
    await new Promise((resolve) => relay?.once('exit', resolve));
    await writing;
    const atKill = await inJetStream();
    expect(atKill).toBeLessThan(TOTAL);

    await appendRange(TOTAL / 2, TOTAL);
    relay = startRelay();
    await waitUntil('every event is in JetStream', async () => (await inJetStream()) >= TOTAL);

    const bus = new JetStreamEventBus({ connection: nc, topology });
    const seen: RecordedEvent[] = [];
    const consumer = await bus.consume({ durableName: `relay-check-${tag}` }, (event) => {
      seen.push(event);
      return Promise.resolve();
    });
    await waitUntil('the consumer has every event', () => Promise.resolve(seen.length >= TOTAL));
    // Anything republished after the restart would arrive now, behind the 10,000.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await consumer.stop();
    await bus.close();

    expect(await inJetStream()).toBe(TOTAL);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen.map((e) => e.id)).size).toBe(TOTAL);
    // In store order, with the store's positions: the bus holds exactly the store's log.
    const stored = await store.readAll({ maxCount: TOTAL + 1 });
    expect(seen.map((e) => e.position)).toEqual(stored.map((e) => e.position));
    expect(seen.map((e) => e.id)).toEqual(stored.map((e) => e.id));

    // A projection fed by JetStream ends equal to a rebuild from the store itself.
    const fromBus = await project(jetStreamSource({ connection: nc, topology }));
    const rebuilt = await project(storeSource(store));
    expect(fromBus).toHaveLength(STREAMS);
    expect(fromBus).toEqual(rebuilt);
  });
});
