import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKFLOW_SERVICE, commandSubject, querySubject } from '@hotline/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { firstValueFrom } from 'rxjs';
import { workflowService } from '../workflow.module';
import { isolatedStreamSettings, privateNats } from '@hotline/infra/bus/testing';

export interface IsolatedDistributedEnv {
  env: Record<string, string>;
  /** The PostgreSQL database of the read models, made for this run: drop it at the end. */
  readModels: TemporaryDatabase;
}

/**
 * Environment of a distributed run with names of its own: JetStream streams and subjects, and the
 * read models in a PostgreSQL database of its own (the distributed default).
 */
export async function isolatedDistributedEnv(dir: string): Promise<IsolatedDistributedEnv> {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const readModels = await createTemporaryDatabase('wf');
  const env = {
    HOTLINE_MODE: 'distributed',
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    EVENT_STORE_PATH: join(dir, 'events.db'),
    EVENT_STORE_DURABILITY: 'normal',
    READ_STORE: 'postgres',
    POSTGRES_URL: readModels.url,
    // Where the read models go when a run chooses READ_STORE=mongodb.
    MONGODB_DB: `wf_${tag}`,
    ...isolatedStreamSettings('WFT', tag),
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The gateway's sessions (required when distributed) and its demo accounts, which the tests sign in as.
    HOTLINE_SESSION_SECRET: randomUUID() + randomUUID(),
    HOTLINE_DEMO: 'on',
    HOTLINE_INSECURE_COOKIES: 'true',
  };
  return { env, readModels };
}

/**
 * The workflow service in this process on the distributed adapters (NATS, the SQLite store,
 * PostgreSQL read models), with a relay feeding JetStream, and a client that talks to it over NATS. For
 * integration tests; `close()` deletes the streams and the database it made.
 */
export async function startDistributedWorkflow(overrides: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-workflow-int-'));
  // A NATS of its own unless told otherwise: on a shared one other workflows answer our commands.
  const nats = overrides.NATS_URL === undefined ? await privateNats(dir) : undefined;
  const isolated = await isolatedDistributedEnv(dir);
  const env: Record<string, string> = {
    ...isolated.env,
    ...(nats ? { NATS_URL: nats.url } : {}),
    ...overrides,
  };
  const platform = await Platform.open('workflow', loadConfig(platformConfigSchema, env, 'workflow'));
  const jsm = await jetstreamManager(platform.natsConnection);
  const publisher = new JetStreamEventPublisher({
    connection: platform.natsConnection,
    topology: platform.topology,
  });
  const relay = new Relay({
    store: platform.eventStore,
    publisher,
    // The topology's names: under HOTLINE_BUS_PREFIX when the run sets one (two deployments on one NATS).
    resumePosition: () => lastPublishedPosition(jsm, platform.topology.eventsStream),
  });
  await relay.start();
  const running: RunningServices = await startServices(platform, [workflowService], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const client = platform.client();
  const ask = <T>(subject: string, payload: unknown): Promise<T> =>
    firstValueFrom(client.send<T>(subject, payload));
  return {
    platform,
    url: running.url,
    command: <T = Record<string, unknown>>(type: string, payload: unknown) =>
      ask<T>(commandSubject(WORKFLOW_SERVICE, type), payload),
    query: <T = Record<string, unknown>>(type: string, payload: unknown) =>
      ask<T>(querySubject(WORKFLOW_SERVICE, type), payload),
    async close(): Promise<void> {
      await relay.stop();
      await publisher.close();
      await running.close();
      await isolated.readModels.drop();
      const cleanup = await connect({ servers: env.NATS_URL });
      const manager = await jetstreamManager(cleanup);
      await manager.streams.delete(platform.topology.eventsStream).catch(() => undefined);
      await manager.streams.delete(platform.topology.dlqStream).catch(() => undefined);
      await cleanup.close();
      await nats?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DistributedWorkflow = Awaited<ReturnType<typeof startDistributedWorkflow>>;
