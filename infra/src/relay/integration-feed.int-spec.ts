import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCaseNumber, type EventToAppend, type RecordedEvent } from '@hotline/contracts';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, ensureEventStreams, JetStreamEventPublisher } from '../bus';
import { SqliteEventStore } from '../event-store';
import { integrationFeed } from './integration-feed';
import { lastPublishedPosition } from './last-published-position';
import { FanOutEventPublisher } from './redacting-event-publisher';
import { Relay } from './relay';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const event = (type: string, data: unknown): EventToAppend => ({
  id: randomUUID(),
  type,
  version: 1,
  data,
  metadata: {
    correlationId: 'feed-test',
    causationId: 'feed-test',
    actor: { id: 'agent-7', role: 'agent' },
    districtId: 'gulou',
  },
  time: '2026-11-30T10:00:00.000+08:00',
});

const registered = {
  caseId: 'feed-case-1',
  caseNumber: formatCaseNumber(4_201),
  type: 'complaint',
  categoryCode: '030101',
  content: '工地夜间施工，请回电13800138000',
  citizen: {
    name: '王先生',
    phone: '13800138000',
    address: '鼓楼区东街1号',
    confidential: false,
    anonymous: false,
  },
  channel: 'phone',
  attachments: [],
  urgency: 'normal',
  simple: false,
  convenienceList: false,
  dispatchBy: '2026-12-01T04:00:00.000Z',
};

describe('Integration feed: the relay publishes a redacted copy for municipal IT [SQLite, JetStream]', () => {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const topology = {
    eventsStream: `FEEDT_${tag}`,
    dlqStream: `FEEDT_DLQ_${tag}`,
    eventsSubjectPrefix: `feedt${tag}.evt`,
    dlqSubjectPrefix: `feedt${tag}.dlq`,
  };
  const feed = { stream: `FEEDT_INT_${tag}`, subjectPrefix: `feedt${tag}.int` };
  const dir = mkdtempSync(join(tmpdir(), 'hotline-feed-'));
  let store: SqliteEventStore;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  const messages = async (stream: string): Promise<Array<{ subject: string; event: RecordedEvent }>> => {
    const info = await jsm.streams.info(stream);
    const out: Array<{ subject: string; event: RecordedEvent }> = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message) out.push({ subject: message.subject, event: message.json<RecordedEvent>() });
    }
    return out;
  };

  const relayOnce = async (): Promise<void> => {
    const internal = new JetStreamEventPublisher({ connection: nc, topology });
    const publisher = new FanOutEventPublisher([
      await integrationFeed(jsm, { connection: nc, ...feed, categories: ['case', 'unit'] }),
      internal,
    ]);
    const relay = new Relay({
      store,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, topology.eventsStream),
    });
    await relay.start();
    const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const deadline = Date.now() + 30_000;
    while (relay.position < (head?.position ?? 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await relay.stop();
  };

  beforeAll(async () => {
    store = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'normal' });
    nc = await connectNats({ servers: NATS_URL, name: 'integration-feed-test' });
    jsm = await jetstreamManager(nc);
    await ensureEventStreams(jsm, { topology });
  });

  afterAll(async () => {
    for (const stream of [topology.eventsStream, topology.dlqStream, feed.stream]) {
      await jsm.streams.delete(stream).catch(() => undefined);
    }
    await nc.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps full fidelity internally, and gives integrators allowed events without personal data', async () => {
    await store.append('case-feed-case-1', [event('CaseRegistered', registered)], 'noStream');
    await store.append(
      'unit-gulou',
      [
        event('UnitContactsUpdated', {
          unitId: 'gulou',
          contacts: [{ role: 'duty', name: '值班员', phone: '13900001111' }],
        }),
      ],
      'any',
    );
    // Intake's categories are not on the allow-list (their personal fields are not marked yet).
    // An allowed event that does not read under its schema is left out, and does not stop the relay.
    await store.append('case-feed-bad', [event('CaseRegistered', { caseId: 'feed-bad' })], 'noStream');
    await store.append(
      'contact-feed-1',
      [event('ContactMergedIntoCase', { contactId: 'feed-1', caseId: 'feed-case-1', automatic: true })],
      'any',
    );
    await relayOnce();

    const internal = await messages(topology.eventsStream);
    expect(internal.map((m) => m.event.type)).toEqual([
      'CaseRegistered',
      'UnitContactsUpdated',
      'CaseRegistered',
      'ContactMergedIntoCase',
    ]);
    expect(internal[0]?.event.data).toMatchObject({ citizen: { name: '王先生', phone: '13800138000' } });

    const integration = await messages(feed.stream);
    expect(integration.map((m) => [m.subject, m.event.type])).toEqual([
      [`${feed.subjectPrefix}.gulou.case.CaseRegistered`, 'CaseRegistered'],
      [`${feed.subjectPrefix}.gulou.unit.UnitContactsUpdated`, 'UnitContactsUpdated'],
    ]);
    const [caseEvent, unitEvent] = integration.map((m) => m.event);
    expect(caseEvent?.id).toBe(internal[0]?.event.id);
    expect(caseEvent?.data).toMatchObject({
      caseNumber: formatCaseNumber(4_201),
      citizen: { confidential: false, anonymous: false },
      content: '工地夜间施工，请回电*********00',
    });
    expect(JSON.stringify(integration)).not.toMatch(/王先生|13800138000|东街1号|值班员|13900001111/);
    expect(unitEvent?.data).toEqual({ unitId: 'gulou', contacts: [{ role: 'duty' }] });
  });

  it('publishes nothing twice when the relay starts again over the same store', async () => {
    await store.append(
      'case-feed-case-2',
      [event('CaseRegistered', { ...registered, caseId: 'feed-case-2' })],
      'noStream',
    );
    await relayOnce();
    const integration = await messages(feed.stream);
    expect(integration.map((m) => m.event.type)).toEqual([
      'CaseRegistered',
      'UnitContactsUpdated',
      'CaseRegistered',
    ]);
    expect(new Set(integration.map((m) => m.event.id)).size).toBe(3);
  });
});
