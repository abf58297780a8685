/**
 * Two deployments on one NATS cluster (HOTLINE_BUS_PREFIX): each answers only its own commands and
 * queries, and each relay's events reach only its own consumers and streams.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSubject, type RecordedEvent } from '@hotline/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Server } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { JetStreamEventPublisher } from '../bus/jetstream-event-publisher';
import { loadConfig } from '../config';
import { Platform } from './platform';
import { platformConfigSchema } from './platform-config.schema';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PING = commandSubject('prefixprobe', 'Ping');

const recorded = (districtId: string): RecordedEvent => ({
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

interface Deployment {
  prefix: string;
  platform: Platform;
  server: Server;
  close(): Promise<void>;
}

async function deployment(prefix: string): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), `hotline-${prefix}-`));
  const config = loadConfig(
    platformConfigSchema,
    {
      HOTLINE_MODE: 'distributed',
      HOTLINE_BUS_PREFIX: prefix,
      NATS_URL: servers,
      HOTLINE_DATA_DIR: dir,
      EVENT_STORE: 'sqlite',
      READ_STORE: 'memory',
      LOG_LEVEL: 'silent',
      HOTLINE_TRACE_EXPORTER: 'none',
      HOTLINE_REQUEST_TIMEOUT_MS: '1000',
    },
    'prefixprobe',
  );
  const platform = await Platform.open('prefixprobe', config);
  const server = platform.transport() as unknown as Server;
  server.addHandler(PING, async () => ({ answeredBy: prefix }), false);
  await new Promise<void>((resolve, reject) => {
    server.listen((error?: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('listen failed'));
      else resolve();
    });
  });
  return {
    prefix,
    platform,
    server,
    close: async () => {
      const jsm = await jetstreamManager(platform.natsConnection);
      await server.close();
      await jsm.streams.delete(platform.topology.eventsStream).catch(() => undefined);
      await jsm.streams.delete(platform.topology.dlqStream).catch(() => undefined);
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('two deployments on one NATS (HOTLINE_BUS_PREFIX)', () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 8);
  let city: Deployment;
  let district: Deployment;

  beforeAll(async () => {
    city = await deployment(`city${run}`);
    district = await deployment(`district${run}`);
  });
  afterAll(async () => {
    await city?.close();
    await district?.close();
  });

  it('names every stream and event subject after the deployment', () => {
    expect(city.platform.topology).toEqual({
      eventsStream: `city${run}_HOTLINE_EVENTS`,
      dlqStream: `city${run}_HOTLINE_DLQ`,
      eventsSubjectPrefix: `city${run}.hotline.evt`,
      dlqSubjectPrefix: `city${run}.hotline.dlq`,
    });
  });

  it('answers each deployment’s commands from its own service only', async () => {
    for (let i = 0; i < 10; i += 1) {
      for (const d of [city, district]) {
        const reply = await firstValueFrom(d.platform.client().send(PING, { i }));
        expect(reply).toEqual({ answeredBy: d.prefix });
      }
    }
  });

  it('puts the command on the wire under the prefix, not on the contracts’ subject', async () => {
    const raw = city.platform.natsConnection;
    await expect(raw.request(PING, '{}', { timeout: 500 })).rejects.toThrow();
    const reply = await raw.request(`city${run}.${PING}`, '{}', { timeout: 1000 });
    expect(reply.string()).toContain(`city${run}`);
  });

  it('delivers a deployment’s events to its own consumers only', async () => {
    const seen: Record<string, string[]> = { city: [], district: [] };
    const consumers = await Promise.all(
      (['city', 'district'] as const).map((name) =>
        (name === 'city' ? city : district).platform.eventBus.consume(
          { durableName: `probe-${name}` },
          async (event) => void seen[name]?.push(event.id),
        ),
      ),
    );
    const publisher = new JetStreamEventPublisher({
      connection: city.platform.natsConnection,
      topology: city.platform.topology,
    });
    const event = recorded('gulou');
    await publisher.publish([event]);
    const deadline = Date.now() + 5_000;
    while (seen.city?.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The district's consumer had the same time to see it; its stream holds nothing.
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(consumers.map((c) => c.stop()));
    await publisher.close();
    expect(seen).toEqual({ city: [event.id], district: [] });
    const jsm = await jetstreamManager(district.platform.natsConnection);
    expect((await jsm.streams.info(district.platform.topology.eventsStream)).state.messages).toBe(0);
  });

  it('refuses a prefix that is not one subject token, naming the setting', () => {
    expect(() =>
      loadConfig(platformConfigSchema, { HOTLINE_MODE: 'distributed', HOTLINE_BUS_PREFIX: 'a.b' }, 'x'),
    ).toThrow(/HOTLINE_BUS_PREFIX/);
  });
});
