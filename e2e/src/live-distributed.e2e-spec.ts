import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { isolatedStreamSettings } from '@hotline/infra/bus/testing';
import type { Platform } from '@hotline/infra/platform';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { workflowService } from '@hotline/workflow';
import { signIn } from '@hotline/gateway/testing';
import { gatewayService } from '@hotline/gateway';

/** Reads SSE blocks from a fetch body until one of `caseId` of `type` arrives. */
async function waitForCaseEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  caseId: string,
  type: string,
): Promise<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      const event = data ? (JSON.parse(data) as Record<string, unknown>) : undefined;
      if (event?.caseId === caseId && event.type === type) return event;
    }
    const chunk = await reader.read();
    if (chunk.done) throw new Error('the stream ended');
    buffer += decoder.decode(chunk.value, { stream: true });
  }
}

describe('GET /api/live in distributed mode: the gateway follows JetStream fed by the relay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-live-dist-'));
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const env: Record<string, string> = {
    HOTLINE_MODE: 'distributed',
    EVENT_STORE_PATH: join(dir, 'events.db'),
    EVENT_STORE_DURABILITY: 'normal',
    READ_STORE: 'postgres',
    ...isolatedStreamSettings('LIVE', tag),
    LOG_LEVEL: 'silent',
    HOTLINE_TRACE_EXPORTER: 'none',
    HOTLINE_SESSION_SECRET: randomUUID() + randomUUID(),
    HOTLINE_DEMO: 'on',
    HOTLINE_INSECURE_COOKIES: 'true',
  };
  let readModels: TemporaryDatabase;
  let workflow: Platform;
  let relay: Relay;
  let publisher: JetStreamEventPublisher;
  const running: BootedPlatform[] = [];

  // The gateway's auth settings come from the process environment, as in a gateway pod.
  const authEnv = { HOTLINE_SESSION_SECRET: env.HOTLINE_SESSION_SECRET, HOTLINE_INSECURE_COOKIES: 'true' };

  beforeAll(async () => {
    Object.assign(process.env, authEnv);
    readModels = await createTemporaryDatabase('live');
    env.POSTGRES_URL = readModels.url;
    const booted = await bootPlatform([workflowService], { name: 'workflow', env, dir });
    running.push(booted);
    workflow = booted.platform;
    publisher = new JetStreamEventPublisher({
      connection: workflow.natsConnection,
      topology: workflow.topology,
    });
    const jsm = await jetstreamManager(workflow.natsConnection);
    relay = new Relay({
      store: workflow.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, env.HOTLINE_EVENTS_STREAM ?? ''),
    });
    await relay.start();
    running.push(await bootPlatform([gatewayService], { name: 'gateway', env, dir }));
  });
  afterAll(async () => {
    // Services first (the gateway's consumer of the stream), then the relay, then the stream itself.
    for (const service of running.reverse()) await service.close();
    await relay.stop();
    await publisher.close();
    const cleanup = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    const jsm = await jetstreamManager(cleanup);
    await jsm.streams.delete(env.HOTLINE_EVENTS_STREAM ?? '').catch(() => undefined);
    await jsm.streams.delete(env.HOTLINE_DLQ_STREAM ?? '').catch(() => undefined);
    await cleanup.close();
    await readModels?.drop();
    rmSync(dir, { recursive: true, force: true });
    for (const name of Object.keys(authEnv)) delete process.env[name];
  });

  it('pushes a case registered through the gateway to a signed-in center user', async () => {
    const url = running[1]?.url ?? '';
    const center = await signIn(url, 'center');
    const agent = await signIn(url, 'agent');
    const abort = new AbortController();
    const stream = await fetch(`${url}/api/live`, { headers: center, signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no stream body');

    const caseId = `live-dist-${randomUUID()}`;
    const registered = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { ...agent, 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: randomUUID(),
        caseId,
        type: 'complaint',
        categoryCode: '030101',
        content: '夜间施工噪声扰民',
        citizen: { name: '王先生', phone: '13800138000' },
        channel: 'phone',
      }),
    });
    expect(registered.status).toBe(201);
    expect(await waitForCaseEvent(reader, caseId, 'CaseRegistered')).toMatchObject({
      caseId,
      position: expect.any(Number) as number,
    });
    abort.abort();
  });

  it('ends a session on sign-out on every gateway replica, not only the one signed out on', async () => {
    const replicaA = running[1]?.url ?? '';
    const second = await bootPlatform([gatewayService], { name: 'gateway', env, dir });
    running.push(second);
    const replicaB = second.url;
    const session = await signIn(replicaA, 'supervisor');
    const me = (url: string) => fetch(`${url}/api/auth/me`, { headers: session }).then((r) => r.status);
    const until = async (url: string, status: number): Promise<number> => {
      let seen = await me(url);
      // Slowly: /api/auth/me is a public route, rate limited per address.
      for (let i = 0; i < 30 && seen !== status; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        seen = await me(url);
      }
      return seen;
    };
    expect(await until(replicaB, 200)).toBe(200);
    const signedOut = await fetch(`${replicaA}/api/auth/sign-out`, { method: 'POST', headers: session });
    expect(signedOut.status).toBe(204);
    // The same cookie, copied before sign-out, on the replica that signed out and on the other one.
    expect(await until(replicaA, 401)).toBe(401);
    expect(await until(replicaB, 401)).toBe(401);
  });
});
