import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { isolatedStreamSettings } from '@hotline/infra/bus/testing';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { routingService } from '@hotline/routing';
import { queueConfig, routerCommandSender, type RoutingInstance } from '@hotline/routing/testing';
import { signIn } from '@hotline/gateway/testing';
import { gatewayService, type LiveBoard, type WallboardMessage } from '@hotline/gateway';
import { EventStream } from './testing/event-stream';

/** The board a watcher holds: the snapshot with every delta since applied, by row id. */
class WatchedBoard {
  private readonly queues = new Map<string, Record<string, unknown>>();

  apply(message: WallboardMessage): void {
    const rows =
      message.kind === 'snapshot'
        ? message.board.queues
        : message.kind === 'delta'
          ? message.delta.queues
          : [];
    for (const row of rows) this.queues.set(row.queueId as string, row);
    if (message.kind === 'delta') for (const id of message.delta.removedQueueIds) this.queues.delete(id);
  }

  waiting(queueId: string): unknown {
    return this.queues.get(queueId)?.waiting;
  }
}

describe('GET /api/routing/board/live in distributed mode: the router’s changes pushed through JetStream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-wallboard-dist-'));
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const env: Record<string, string> = {
    HOTLINE_MODE: 'distributed',
    EVENT_STORE_PATH: join(dir, 'events.db'),
    EVENT_STORE_DURABILITY: 'normal',
    READ_STORE: 'postgres',
    ...isolatedStreamSettings('WALLBOARD', tag),
    LOG_LEVEL: 'silent',
    HOTLINE_TRACE_EXPORTER: 'none',
    HOTLINE_SESSION_SECRET: randomUUID() + randomUUID(),
    HOTLINE_DEMO: 'on',
    HOTLINE_INSECURE_COOKIES: 'true',
  };
  let readModels: TemporaryDatabase;
  let relay: Relay;
  let publisher: JetStreamEventPublisher;
  let router: RoutingInstance;
  let gatewayUrl = '';
  const running: BootedPlatform[] = [];
  const streams: EventStream<WallboardMessage>[] = [];
  const { command } = routerCommandSender(`wallboard-${tag}`);
  // The gateway's auth settings come from the process environment, as in a gateway pod.
  const authEnv = { HOTLINE_SESSION_SECRET: env.HOTLINE_SESSION_SECRET, HOTLINE_INSECURE_COOKIES: 'true' };

  const watch = async (headers: Record<string, string>): Promise<EventStream<WallboardMessage>> => {
    const stream = await EventStream.open<WallboardMessage>(`${gatewayUrl}/api/routing/board/live`, headers);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    Object.assign(process.env, authEnv);
    readModels = await createTemporaryDatabase('wallboard');
    env.POSTGRES_URL = readModels.url;
    const routing = await bootPlatform([routingService], { name: 'routing', env, dir });
    running.push(routing);
    const client = routing.platform.client();
    router = {
      platform: routing.platform,
      running: routing.running,
      send: (subject, payload) => firstValueFrom(client.send(subject, payload)),
    };
    publisher = new JetStreamEventPublisher({
      connection: routing.platform.natsConnection,
      topology: routing.platform.topology,
    });
    const jsm = await jetstreamManager(routing.platform.natsConnection);
    relay = new Relay({
      store: routing.platform.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, env.HOTLINE_EVENTS_STREAM ?? ''),
    });
    await relay.start();
    const gateway = await bootPlatform([gatewayService], { name: 'gateway', env, dir });
    running.push(gateway);
    gatewayUrl = gateway.url;
    await command(router, { type: 'DefineQueue', data: queueConfig({ name: '综合咨询' }) });
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const service of running.reverse()) await service.close();
    await relay?.stop();
    await publisher?.close();
    const cleanup = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    const jsm = await jetstreamManager(cleanup);
    await jsm.streams.delete(env.HOTLINE_EVENTS_STREAM ?? '').catch(() => undefined);
    await jsm.streams.delete(env.HOTLINE_DLQ_STREAM ?? '').catch(() => undefined);
    await cleanup.close();
    await readModels?.drop();
    rmSync(dir, { recursive: true, force: true });
    for (const name of Object.keys(authEnv)) delete process.env[name];
  });

  it('shows a supervisor the whole board, then a contact queued within 1 s, without asking', async () => {
    const stream = await watch(await signIn(gatewayUrl, 'supervisor'));
    expect(stream.status).toBe(200);
    const first = await stream.next();
    expect(first).toMatchObject({ event: 'board', data: { kind: 'snapshot' } });
    const snapshot = (first.data as { board: LiveBoard }).board;
    expect(snapshot.queues).toEqual([
      expect.objectContaining({ queueId: 'general', name: '综合咨询', waiting: 0 }),
    ]);
    const board = new WatchedBoard();
    board.apply(first.data);

    const latencies: number[] = [];
    for (let n = 1; n <= 5; n++) {
      await command(router, {
        type: 'QueueContact',
        data: {
          contactId: `wallboard-${tag}-${n}`,
          queueId: 'general',
          channel: 'voice',
          urgent: false,
          requiredSkills: [],
        },
      });
      // From the moment the router answered: the change is stored; the relay, JetStream, the
      // gateway's read of the board and the push are what is measured.
      const stored = performance.now();
      while (board.waiting('general') !== n) board.apply((await stream.next()).data);
      latencies.push(performance.now() - stored);
    }
    // Each came within 1 s in runs at load 8 (90–370 ms). The median is what is held to 1 s, so that
    // one change delayed by a loaded machine's scheduler does not fail the run; a change that never
    // comes fails it at the test's timeout.
    latencies.sort((a, b) => a - b);
    expect(latencies[2]).toBeLessThan(1_000);
  });

  it('gives a supervisor back after a dropped connection only what changed since the last board it got', async () => {
    const headers = await signIn(gatewayUrl, 'supervisor');
    const first = await watch(headers);
    const snapshot = await first.next();
    expect(snapshot).toMatchObject({
      data: { kind: 'snapshot' },
      id: expect.stringMatching(/^[0-9a-f]{8}-\d+$/) as unknown,
    });
    const board = new WatchedBoard();
    board.apply(snapshot.data);
    const before = board.waiting('general') as number;
    first.close();
    for (const n of [1, 2]) {
      await command(router, {
        type: 'QueueContact',
        data: {
          contactId: `wallboard-${tag}-back-${n}`,
          queueId: 'general',
          channel: 'voice',
          urgent: false,
          requiredSkills: [],
        },
      });
    }
    // What a browser's EventSource sends when it reconnects: the id of the last event it got.
    const back = await watch({ ...headers, 'last-event-id': snapshot.id! });
    const kinds: string[] = [];
    while (board.waiting('general') !== before + 2) {
      const { data } = await back.next();
      kinds.push(data.kind);
      board.apply(data);
    }
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain('snapshot');

    const unknown = await watch({ ...headers, 'last-event-id': '00000000-1' });
    expect((await unknown.next()).data).toMatchObject({ kind: 'snapshot' });
  });

  it('refuses the board to an agent', async () => {
    const stream = await watch(await signIn(gatewayUrl, 'agent'));
    expect(stream.status).toBe(403);
  });
});
