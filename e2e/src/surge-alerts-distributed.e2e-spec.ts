import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { BusRequests, JetStreamEventPublisher } from '@hotline/infra/bus';
import { SurgeDetected, type SurgeDetectedData } from '@hotline/contracts';
import type { Platform } from '@hotline/infra/platform';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { workflowService } from '@hotline/workflow';
import { signIn } from '@hotline/gateway/testing';
import { gatewayService, type LiveSurgeEvent } from '@hotline/gateway';
import { HotTopicsService, SurgeAlerts, createReportingService } from '@hotline/reporting';
import { EventStream } from './testing/event-stream';

/** The category of the storm: 停电 (power outage), no case of it in the weeks before. */
const CATEGORY = '010302';
const STORM = 5;

/**
 * A power-cut storm in distributed mode: the workflow registers the cases, the relay feeds JetStream,
 * reporting counts them from JetStream and appends one SurgeDetected for the category's hour, which
 * the relay feeds back and the gateway pushes to a supervisor's live channel: one alert, not one per case.
 */
describe('surge alerts on the live channel [distributed: workflow, reporting, gateway, relay on NATS]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-surge-dist-'));
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const env: Record<string, string> = {
    HOTLINE_MODE: 'distributed',
    EVENT_STORE_PATH: join(dir, 'events.db'),
    EVENT_STORE_DURABILITY: 'normal',
    READ_STORE: 'postgres',
    HOTLINE_EVENTS_STREAM: `SURGE_${tag}`,
    HOTLINE_DLQ_STREAM: `SURGE_DLQ_${tag}`,
    HOTLINE_EVENTS_SUBJECT_PREFIX: `surge${tag}.evt`,
    HOTLINE_DLQ_SUBJECT_PREFIX: `surge${tag}.dlq`,
    LOG_LEVEL: 'silent',
    HOTLINE_TRACE_EXPORTER: 'none',
    HOTLINE_SESSION_SECRET: randomUUID() + randomUUID(),
    HOTLINE_DEMO: 'on',
    HOTLINE_INSECURE_COOKIES: 'true',
  };
  const authEnv = { HOTLINE_SESSION_SECRET: env.HOTLINE_SESSION_SECRET, HOTLINE_INSECURE_COOKIES: 'true' };
  let readModels: TemporaryDatabase;
  let workflow: Platform;
  let reporting: BootedPlatform;
  let relay: Relay;
  let publisher: JetStreamEventPublisher;
  let url: string;
  const running: BootedPlatform[] = [];
  const streams: EventStream<LiveSurgeEvent>[] = [];

  beforeAll(async () => {
    Object.assign(process.env, authEnv);
    readModels = await createTemporaryDatabase('surge');
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
    reporting = await bootPlatform(
      [createReportingService({ env: { REPORTING_SURGE_MIN_COUNT: '3', REPORTING_SURGE_CHECK_MS: '250' } })],
      { name: 'reporting', env, dir },
    );
    running.push(reporting);
    const gateway = await bootPlatform([gatewayService], { name: 'gateway', env, dir });
    running.push(gateway);
    url = gateway.url;
  }, 240_000);
  afterAll(async () => {
    for (const stream of streams) stream.close();
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

  const register = async (agent: Record<string, string>, n: number): Promise<void> => {
    const response = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { ...agent, 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: randomUUID(),
        caseId: `surge-${tag}-${n}`,
        type: 'help',
        categoryCode: CATEGORY,
        districtId: 'gulou',
        content: `第${n}位来电：家中突然停电，冰箱里的药品需要冷藏`,
        citizen: { name: '李女士', phone: `1380013${String(8000 + n)}` },
        channel: 'phone',
      }),
    });
    expect(response.status).toBe(201);
  };
  const alertsInStore = async (): Promise<SurgeDetectedData[]> =>
    (await workflow.eventStore.readAll({ filter: { eventTypes: [SurgeDetected.type] } }))
      .map((event) => event.data as SurgeDetectedData)
      .filter((alert) => alert.kind === 'category' && alert.key === CATEGORY);

  it('pushes one alert for a storm of registrations to a supervisor, and none to an agent', async () => {
    // Both tests' cases must fall in one hour: in an hour's last two minutes, this waits for the next.
    const leftInHour = 3_600_000 - (Date.now() % 3_600_000);
    if (leftInHour < 120_000) await new Promise((resolve) => setTimeout(resolve, leftInHour + 1_000));
    const supervisor = await signIn(url, 'supervisor');
    const agent = await signIn(url, 'agent');
    const board = await EventStream.open<LiveSurgeEvent>(`${url}/api/live`, supervisor);
    const desk = await EventStream.open<LiveSurgeEvent>(`${url}/api/live`, agent);
    streams.push(board, desk);
    expect(board.status).toBe(200);

    for (let n = 0; n < STORM; n += 1) await register(agent, n);
    const alert = await board.nextWhere((data) => 'alertId' in data && data.kind === 'category');
    expect(alert.event).toBe('surge');
    expect(alert.data).toMatchObject({
      key: CATEGORY,
      count: expect.any(Number) as number,
      baselineMean: 0,
      districtIds: ['gulou'],
    });
    expect(alert.data.count).toBeGreaterThanOrEqual(4);
    expect(alert.data.label).toBe('停电');
    expect(alert.data.announcement).toContain('我们已收到大量市民');

    // One more case, after the alert: the agent's stream, in log order, reaches it without a surge.
    await register(agent, STORM);
    const names: string[] = [];
    for (;;) {
      const received = await desk.next();
      names.push(received.event);
      const data = received.data as unknown as { caseId?: string };
      if (data.caseId === `surge-${tag}-${STORM}`) break;
    }
    expect(names).toContain('case');
    expect(names).not.toContain('surge');
  }, 300_000);

  it('records one alert per window, however many more cases and checks and replicas follow', async () => {
    const agent = await signIn(url, 'agent');
    for (let n = STORM + 1; n <= STORM + 3; n += 1) await register(agent, n);
    // Another replica of reporting on the same counters, with nothing remembered, checks at once.
    const replica = new SurgeAlerts({
      topics: new HotTopicsService(reporting.platform.readStore, () => new Date()),
      requests: new BusRequests(reporting.platform.client()),
      events: reporting.platform.eventStore,
      to: [],
      minCount: 3,
      checkEveryMs: 60_000,
      name: () => '停电',
      now: () => new Date(),
    });
    // Until the counters hold the three more cases; then the replica's check records nothing new.
    const deadline = Date.now() + 60_000;
    const topics = new HotTopicsService(reporting.platform.readStore, () => new Date());
    const viewer = { actor: { id: 'test', role: 'center' }, districtId: 'city' };
    for (;;) {
      const { surges } = await topics.surges({ viewer, hours: 2, k: 3, weeks: 4, minCount: 3 });
      const count = surges.find((surge) => surge.kind === 'category' && surge.key === CATEGORY)?.count;
      if (count === STORM + 4) break;
      if (Date.now() > deadline)
        throw new Error(`the counters show ${String(count)} cases, not ${STORM + 4}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await replica.tick();
    // The surges report, as the wallboard reads it when it opens: the same threshold as the alerts.
    const report = await fetch(`${url}/api/reports/surges?hours=2`, {
      headers: await signIn(url, 'supervisor'),
    });
    const body = await report.text();
    expect({ status: report.status, body }).toMatchObject({ status: 200 });
    const listed = (JSON.parse(body) as { surges: { kind: string; key: string }[] }).surges;
    expect(listed.filter((surge) => surge.kind === 'category' && surge.key === CATEGORY)).toHaveLength(1);
    const alerts = await alertsInStore();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.alertId).toMatch(/^[0-9a-f]{24}$/);
  }, 120_000);
});
