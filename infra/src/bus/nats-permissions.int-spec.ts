/**
 * The NATS users and permissions of a deployment (nats-permissions.ts), enforced by a real
 * nats-server v2.15 (built once into the cache) over TLS: what each user needs works through the
 * kit's own adapters, and the server refuses what a user may not do.
 */
import { randomUUID } from 'node:crypto';
import { commandSubject, type RecordedEvent } from '@hotline/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Server } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { connectNats } from './connect-nats';
import { ensureEventStreams } from './ensure-event-streams';
import { JetStreamEventBus } from './jetstream-event-bus';
import { JetStreamEventPublisher } from './jetstream-event-publisher';
import { NatsClientProxy } from './nats-client-proxy';
import { inboxPrefixOf, MUNICIPAL_IT_USER, natsPermissions, RELAY_USER } from './nats-permissions';
import { NatsTransport } from './nats-transport';
import { permissionViolations } from './testing/permission-violations';
import { authorizedNats, type AuthorizedNats } from './testing/authorized-nats';

const PREFIX = 'permtest';
const INTEGRATION = { stream: 'permtest_HOTLINE_INTEGRATION', subjectPrefix: 'permtest.hotline.int' };
const users = natsPermissions({
  services: ['gateway', 'workflow'],
  prefix: PREFIX,
  integration: INTEGRATION,
});

const event = (districtId = 'gulou'): RecordedEvent => ({
  id: randomUUID(),
  type: 'CaseFiled',
  version: 1,
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId },
  time: '2026-12-06T09:30:00.000+08:00',
  streamId: `case-${randomUUID()}`,
  revision: 0,
  position: 1,
});

const violations = permissionViolations;

describe('NATS users and permissions (nats-server v2.15, TLS)', () => {
  jest.setTimeout(15 * 60_000);
  let nats: AuthorizedNats;
  let url: string;
  let ca: string;
  const as = (user: string): Promise<NatsConnection> => nats.as(user);
  const password = (user: string): string => nats.password(user);

  beforeAll(async () => {
    nats = await authorizedNats({ users, tls: true, syncAlways: true });
    url = nats.url;
    ca = nats.caFile as string;
  });

  afterAll(() => nats?.stop());

  it('refuses a connection without TLS or without a valid password', async () => {
    await expect(
      connectNats({
        servers: url,
        name: 'x',
        user: 'gateway',
        pass: 'wrong',
        tlsCaFile: ca,
        maxReconnectAttempts: 0,
      }),
    ).rejects.toThrow(/auth/i);
    await expect(
      connectNats({
        servers: url,
        name: 'x',
        user: 'gateway',
        pass: password('gateway'),
        maxReconnectAttempts: 0,
      }),
    ).rejects.toThrow();
  });

  it('carries a command from the gateway to workflow, answered through the kit’s adapters', async () => {
    const subject = commandSubject('workflow', 'Ping');
    const transport = new NatsTransport({
      connection: await as('workflow'),
      queue: 'workflow',
      subjectPrefix: PREFIX,
    });
    (transport as unknown as Server).addHandler(subject, async () => ({ pong: true }), false);
    await new Promise<void>((ok, fail) =>
      transport.listen((e?: unknown) => (e ? fail(new Error('listen')) : ok())),
    );
    const client = new NatsClientProxy({
      connection: await as('gateway'),
      subjectPrefix: PREFIX,
      timeoutMs: 2_000,
    });
    expect(await firstValueFrom(client.send(subject, {}))).toEqual({ pong: true });
    await transport.close();
  });

  it('lets only the relay publish events; workflow consumes them with a durable consumer', async () => {
    const topology = {
      eventsStream: `${PREFIX}_HOTLINE_EVENTS`,
      dlqStream: `${PREFIX}_HOTLINE_DLQ`,
      eventsSubjectPrefix: `${PREFIX}.hotline.evt`,
      dlqSubjectPrefix: `${PREFIX}.hotline.dlq`,
    };
    const workflow = await as('workflow');
    await ensureEventStreams(await jetstreamManager(workflow), { topology });
    const relay = new JetStreamEventPublisher({
      connection: await as(RELAY_USER),
      topology,
      ackTimeoutMs: 2_000,
    });
    const published = event();
    await relay.publish([published]);

    const gateway = await as('gateway');
    const refused = await violations(gateway, () =>
      jetstream(gateway).publish(`${topology.eventsSubjectPrefix}.gulou.case.CaseFiled`, '{}', {
        timeout: 1_000,
      }),
    );
    expect(refused.join()).toMatch(/Permissions Violation for Publish/);
    const jsm = await jetstreamManager(workflow);
    expect((await jsm.streams.info(topology.eventsStream)).state.messages).toBe(1);

    const bus = new JetStreamEventBus({ connection: workflow, topology });
    const seen: string[] = [];
    const consumer = await bus.consume({ durableName: 'perm-projection' }, async (e) => void seen.push(e.id));
    const deadline = Date.now() + 5_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.stop();
    expect(seen).toEqual([published.id]);
  });

  it('refuses a service that subscribes to another’s commands or to others’ replies', async () => {
    const workflow = await as('workflow');
    for (const subject of [
      `${PREFIX}.${commandSubject('gateway', 'Any')}`,
      '_INBOX.>',
      `${inboxPrefixOf('gateway')}.>`,
    ]) {
      const sub = workflow.subscribe(subject);
      const closed = await Promise.race([sub.closed, new Promise((r) => setTimeout(() => r('open'), 2_000))]);
      expect(String(closed)).toMatch(/Permissions Violation for Subscription/);
    }
  });

  it('refuses a service that purges or deletes a stream', async () => {
    const jsm = await jetstreamManager(await as('gateway'));
    await expect(jsm.streams.purge(`${PREFIX}_HOTLINE_EVENTS`)).rejects.toThrow();
    await expect(jsm.streams.delete(`${PREFIX}_HOTLINE_EVENTS`)).rejects.toThrow();
  });

  it('lets municipal IT read the integration feed and nothing else', async () => {
    const relayConnection = await as(RELAY_USER);
    const relayJsm = await jetstreamManager(relayConnection);
    await relayJsm.streams.add({ name: INTEGRATION.stream, subjects: [`${INTEGRATION.subjectPrefix}.>`] });
    await jetstream(relayConnection).publish(`${INTEGRATION.subjectPrefix}.gulou.case.CaseClosed`, '{"n":1}');

    const it = await as(MUNICIPAL_IT_USER);
    const jsm = await jetstreamManager(it);
    await jsm.consumers.add(INTEGRATION.stream, { durable_name: 'municipal', ack_policy: 'explicit' });
    const consumer = await jetstream(it).consumers.get(INTEGRATION.stream, 'municipal');
    const message = await consumer.next({ expires: 2_000 });
    expect(message?.json()).toEqual({ n: 1 });
    message?.ack();

    await expect(
      jsm.consumers.add(`${PREFIX}_HOTLINE_EVENTS`, { durable_name: 'snoop', ack_policy: 'explicit' }),
    ).rejects.toThrow();
    const sub = it.subscribe(`${PREFIX}.hotline.evt.>`);
    expect(String(await sub.closed)).toMatch(/Permissions Violation for Subscription/);
    const refused = await violations(it, () =>
      it.request(`${PREFIX}.${commandSubject('workflow', 'CloseCase')}`, '{}', { timeout: 1_000 }),
    );
    expect(refused.join()).toMatch(/Permissions Violation for Publish/);
  });
});
