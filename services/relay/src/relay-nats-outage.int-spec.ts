import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventToAppend } from '@hotline/contracts';
import { freePort, privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { lastPublishedPosition } from '@hotline/infra/relay';

const ROOT = join(__dirname, '../../..');
const STREAM = 'HOTLINE_EVENTS';

const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'CounterIncremented',
  version: 1,
  data: { n },
  metadata: {
    correlationId: 'outage-test',
    causationId: 'outage-test',
    actor: { id: 'outage-test', role: 'system' },
    districtId: 'city',
  },
  time: '2026-12-06T10:00:00.000+08:00',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Relay (separate process) while its NATS server is SIGKILLed for 10 s [nats-server of its own]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-relay-outage-'));
  const path = join(dir, 'events.db');
  let nats: PrivateNats;
  let store: SqliteEventStore;
  let relay: ChildProcess | undefined;
  let health: string;

  /** The position of the last event in JetStream, over a connection of its own (none while down). */
  const published = async (): Promise<number> => {
    const nc = await connect({ servers: nats.url, reconnect: false });
    try {
      return (await lastPublishedPosition(await jetstreamManager(nc), STREAM)) ?? 0;
    } finally {
      await nc.close();
    }
  };
  const ready = async (): Promise<number> => (await fetch(`${health}/health/ready`)).status;
  const until = async (what: string, ms: number, condition: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await condition().catch(() => false))) {
      if (Date.now() - started > ms) throw new Error(`not ${what} within ${ms} ms`);
      await sleep(50);
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    nats = await privateNats(dir);
    store = SqliteEventStore.open({ path, durability: 'normal' });
    const port = await freePort();
    health = `http://127.0.0.1:${port}`;
    relay = spawn(process.execPath, ['-r', '@swc-node/register', 'services/relay/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        HOTLINE_MODE: 'distributed',
        EVENT_STORE: 'sqlite',
        EVENT_STORE_PATH: path,
        READ_STORE: 'memory',
        NATS_URL: nats.url,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
      },
    });
    await until('the relay is ready', 60_000, async () => (await ready()) === 200);
  });

  afterAll(async () => {
    relay?.kill('SIGKILL');
    await store.close();
    await nats.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is unready while NATS is down and publishes the backlog within 2 s of its return, each event once', async () => {
    let n = 0;
    const append = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) await store.append(`counter-${n % 7}`, [event(n++)], 'any');
    };
    await append(20);
    await until('the first events are published', 10_000, async () => (await published()) === 20);

    await nats.kill();
    const killed = Date.now();
    expect(await until('the relay is unready', 2_000, async () => (await ready()) === 503)).toBeLessThan(
      2_000,
    );
    // Ten seconds down while events keep being appended (20 a second).
    while (Date.now() - killed < 10_000) {
      await append(2);
      await sleep(100);
    }
    await nats.restart();
    const head = await store.headPosition();
    const backlog = await until(
      'the backlog is in JetStream',
      2_000,
      async () => (await published()) >= head,
    );
    process.stderr.write(
      `relay: ${head - 20} events written during a 10 s outage, published ${backlog} ms after NATS returned\n`,
    );
    expect(await until('the relay is ready again', 2_000, async () => (await ready()) === 200)).toBeLessThan(
      2_000,
    );

    const nc = await connect({ servers: nats.url });
    const info = await (await jetstreamManager(nc)).streams.info(STREAM);
    await nc.close();
    expect(info.state.messages).toBe(head);
  });
});
