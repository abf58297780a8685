/**
 * The NATS users and permissions of a deployment (nats-permissions.ts), enforced by a real
 * nats-server v2.15 (built once into the cache) over TLS: what each user needs works through the
 * kit's own adapters, and the server refuses what a user may not do.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
import {
  inboxPrefixOf,
  MUNICIPAL_IT_USER,
  natsAuthorizationConfig,
  natsPermissions,
  RELAY_USER,
} from './nats-permissions';
import { NatsTransport } from './nats-transport';
import { permissionViolations } from './testing/permission-violations';
import { freePort } from './testing/private-nats';

const ROOT = resolve(__dirname, '../../..');
const PREFIX = 'permtest';
const INTEGRATION = { stream: 'permtest_HOTLINE_INTEGRATION', subjectPrefix: 'permtest.hotline.int' };
const users = natsPermissions({
  services: ['gateway', 'workflow'],
  prefix: PREFIX,
  integration: INTEGRATION,
});
const password = (user: string): string => `pw-${user}-0123456789`;

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
  const dir = mkdtempSync(join(tmpdir(), 'hotline-nats-perm-'));
  let server: ChildProcess;
  let url: string;
  const ca = join(dir, 'cert.pem');
  const open: NatsConnection[] = [];
  const as = async (user: string): Promise<NatsConnection> => {
    const nc = await connectNats({
      servers: url,
      name: user,
      user,
      pass: password(user),
      inboxPrefix: inboxPrefixOf(user),
      tlsCaFile: ca,
      maxReconnectAttempts: 0,
    });
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['scripts/engines/nats-build.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`nats-server build failed: ${built.stderr}`);
    const binary = built.stdout.trim();
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        ca,
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    const passwords = Object.fromEntries(users.map((u) => [u.user, password(u.user)]));
    writeFileSync(
      join(dir, 'nats.conf'),
      [
        `listen: 127.0.0.1:${port}`,
        `jetstream { store_dir: "${join(dir, 'js')}", sync_interval: always }`,
        `tls { cert_file: "${ca}", key_file: "${join(dir, 'key.pem')}", timeout: 2 }`,
        natsAuthorizationConfig(users, passwords),
      ].join('\n'),
    );
    server = spawn(binary, ['-c', join(dir, 'nats.conf')], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await (await as(RELAY_USER)).close();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  });

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
