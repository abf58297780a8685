import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventToAppend, RecordedEvent } from '@hotline/contracts';
import { connectNats, ensureEventStreams, JetStreamEventPublisher } from '../bus';
import { isolatedTopology } from '../bus/testing';
import type { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { createTemporaryDatabase, type TemporaryDatabase } from '../postgres/testing';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { jetStreamSource } from './jetstream-source';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionSource } from './projection.port';
import { storeSource } from './store-source';
import { caseEvents, caseSummary } from './testing/case-summary.fixture';
import { waitForCheckpoint } from './wait-for-checkpoint';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const [opened] = caseEvents(1, 1) as [EventToAppend];
const other: EventToAppend = { ...opened, type: 'AgentLoggedIn', data: { caseId: 'none' } };

/**
 * A command of one service answers with its event's position; a read of another service's read model
 * may wait for that position (read-your-writes across services). The projection there filters the
 * event out, so only its source can say the position was passed: a live runner must answer such a
 * wait at once, not when its own streams next change (READ_MODEL_BEHIND before).
 */
describe('A live projection answers a wait for a position in a stream it does not take', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-other-streams-'));
  let database: TemporaryDatabase;
  let nc: NatsConnection;
  const closing: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    database = await createTemporaryDatabase('other_streams');
    nc = await connectNats({ servers: NATS_URL, name: 'other-streams-test' });
  }, 60_000);
  afterAll(async () => {
    for (const close of closing.reverse()) await close().catch(() => undefined);
    await nc?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** A runner of the case projection, live; its checkpoint after a case and then an agent event. */
  async function follows(
    source: ProjectionSource,
    append: (streamId: string, event: EventToAppend) => Promise<number>,
  ): Promise<void> {
    const store = SqliteReadStore.inMemory();
    const runner = new ProjectionRunner(caseSummary(), { store, source, batchSize: 50 });
    closing.push(
      () => runner.stop(),
      () => store.close(),
    );
    await runner.start();
    await runner.waitUntilCaughtUp();
    const casePosition = await append('case-0', { ...opened, id: `c-${Date.now()}` });
    await waitForCheckpoint(runner, casePosition, 30_000, 'the case summary');
    const agentPosition = await append('agent-1', { ...other, id: `a-${Date.now()}` });
    expect(agentPosition).toBeGreaterThan(casePosition);
    await waitForCheckpoint(runner, agentPosition, 30_000, 'the case summary');
    expect(runner.status().checkpoint).toBeGreaterThanOrEqual(agentPosition);
    // What the runner took is stored; the agent's event changed nothing.
    expect(await store.collection('cases').find({})).toHaveLength(1);
  }

  const appendTo =
    (events: EventStore) =>
    async (streamId: string, event: EventToAppend): Promise<number> =>
      (await events.append(streamId, [event], 'any')).position;

  it('on the embedded SQLite event store', async () => {
    const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
    closing.push(async () => events.close());
    await follows(storeSource(events), appendTo(events));
  }, 90_000);

  it('on the PostgreSQL event store', async () => {
    const events = await PostgresEventStore.open({ url: database.url });
    closing.push(() => events.close());
    await follows(storeSource(events), appendTo(events));
  }, 90_000);

  it('on JetStream (the distributed mode), fed by the relay’s publisher', async () => {
    const topology = isolatedTopology();
    const jsm = await jetstreamManager(nc);
    await ensureEventStreams(jsm, { topology });
    closing.push(async () => {
      await jsm.streams.delete(topology.eventsStream).catch(() => undefined);
      await jsm.streams.delete(topology.dlqStream).catch(() => undefined);
    });
    const publisher = new JetStreamEventPublisher({ connection: nc, topology });
    let position = 0;
    const publish = async (streamId: string, event: EventToAppend): Promise<number> => {
      const recorded: RecordedEvent = { ...event, streamId, revision: 0, position: ++position };
      await publisher.publish([recorded]);
      return position;
    };
    await follows(jetStreamSource({ connection: nc, topology }), publish);
  }, 90_000);
});
