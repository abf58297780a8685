import { randomBytes, randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { createGatewayService } from '@hotline/gateway';
import { signIn } from '@hotline/gateway/testing';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { isolatedStreamSettings } from '@hotline/infra/bus/testing';
import type { Platform } from '@hotline/infra/platform';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { lastPublishedPosition, Relay } from '@hotline/infra/relay';
import { workflowService } from '@hotline/workflow';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

describe('One trace from an HTTP request through the NATS hop, the handler, the append, the relay and the projection [distributed: NATS]', () => {
  const tag = hex(5);
  let platform: Platform;
  let running: BootedPlatform;
  let relay: Relay;
  let publisher: JetStreamEventPublisher;

  beforeAll(async () => {
    // Distributed mode: the gateway needs its session key; the demo accounts are asked for.
    const gateway = createGatewayService({ auth: { env: { HOTLINE_SESSION_SECRET: hex(32) } } });
    running = await bootPlatform([workflowService, gateway], {
      name: 'trace-e2e',
      env: {
        HOTLINE_MODE: 'distributed',
        NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
        READ_STORE: 'memory',
        HOTLINE_TRACE_EXPORTER: 'memory',
        HOTLINE_DEMO: 'on',
        LOG_LEVEL: 'warn',
        ...isolatedStreamSettings('TRACE', tag),
      },
    });
    platform = running.platform;
    const jsm = await jetstreamManager(platform.natsConnection);
    publisher = new JetStreamEventPublisher({
      connection: platform.natsConnection,
      topology: platform.topology,
    });
    relay = new Relay({
      store: platform.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, `TRACE_${tag}`),
    });
    await relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await publisher.close();
    const jsm = await jetstreamManager(platform.natsConnection);
    await jsm.streams.delete(`TRACE_${tag}`).catch(() => undefined);
    await jsm.streams.delete(`TRACE_DLQ_${tag}`).catch(() => undefined);
    await running.close();
  });

  it('carries the caller’s trace id into every hop and into the stored and published event', async () => {
    const traceId = hex(16);
    const caseId = `trace-${randomUUID()}`;
    const response = await fetch(`${running.url}/api/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${hex(8)}-01`,
        ...(await signIn(running.url, 'agent')),
      },
      body: JSON.stringify({
        commandId: `${caseId}-register`,
        caseId,
        districtId: 'gulou',
        type: 'consult',
        categoryCode: '030101',
        content: '咨询小区夜间施工的投诉渠道',
        citizen: { name: '李女士', phone: '13900139000' },
        channel: 'phone',
      }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-trace-id')).toBe(traceId);
    const { position } = (await response.json()) as { position: number };

    // The projection has applied the event once the read model answers past its position.
    const read = await fetch(`${running.url}/api/cases/${caseId}?minPosition=${position}`, {
      headers: await signIn(running.url, 'center'),
    });
    expect(read.status).toBe(200);

    // The event carries the trace in its metadata, and the relay put it on the JetStream message.
    const [registered] = await platform.eventStore.readStream(`case-${caseId}`);
    expect(registered?.metadata.traceparent).toContain(traceId);
    while (relay.position < position) await new Promise((resolve) => setTimeout(resolve, 20));
    const jsm = await jetstreamManager(platform.natsConnection);
    const { state } = await jsm.streams.info(`TRACE_${tag}`);
    const published = [];
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      published.push(await jsm.streams.getMessage(`TRACE_${tag}`, { seq }));
    }
    const message = published.find(
      (m) => (JSON.parse(m?.string() ?? '{}') as { id?: string }).id === registered?.id,
    );
    expect(message).toBeDefined();
    expect(message?.header.get('traceparent')).toContain(traceId);

    const spans = () =>
      (platform.telemetry.memoryExporter?.getFinishedSpans() ?? []).filter(
        (s) => s.spanContext().traceId === traceId,
      );
    const names = () => spans().map((s) => s.name);
    const deadline = Date.now() + 10_000;
    while (!names().some((n) => n.startsWith('project')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(names()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(POST|HTTP POST)/),
        'bus request hotline.cmd.workflow.RegisterCase',
        'bus handle hotline.cmd.workflow.RegisterCase',
        'command RegisterCase',
        'event-store append',
        expect.stringMatching(/^project /),
      ]),
    );
  });
});
