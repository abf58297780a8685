import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { PostgresReadStore } from '@hotline/infra/read-store/postgres';
import { isolatedDistributedEnv, type IsolatedDistributedEnv } from '@hotline/workflow/testing';
import { privateNats } from '@hotline/workflow/testing';
import { readModelSnapshot, runClosedLoop } from './testing/case-loop';
import { HotlineHttp } from './testing/hotline-http';
import { startServiceProcess, type ServiceProcess } from './testing/service-process';

describe('Case workflow end to end [distributed: relay, workflow, gateway processes on NATS, SQLite, PostgreSQL read models]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-workflow-dist-'));
  let isolated: IsolatedDistributedEnv | undefined;
  let env: Record<string, string> = {};
  const processes: ServiceProcess[] = [];
  // A NATS of its own: on a shared one other workflows and gateways answer this loop's requests.
  let nats: Awaited<ReturnType<typeof privateNats>> | undefined;

  beforeAll(async () => {
    nats = await privateNats(dir);
    isolated = await isolatedDistributedEnv(dir);
    env = { ...isolated.env, NATS_URL: nats.url };
  });

  const start = async (name: string): Promise<HotlineHttp> => {
    const service = startServiceProcess(name, env);
    processes.push(service);
    const http = new HotlineHttp(await service.url);
    await http.waitUntilReady();
    return http;
  };
  const dropReadModels = async (): Promise<void> => {
    const store = await PostgresReadStore.open({ url: env.POSTGRES_URL as string });
    await store.dropDatabase();
    await store.close();
  };

  afterAll(async () => {
    for (const service of processes.reverse()) await service.stop();
    await isolated?.readModels.drop();
    const client = await connect({ servers: env.NATS_URL });
    const jsm = await jetstreamManager(client);
    await jsm.streams.delete(env.HOTLINE_EVENTS_STREAM as string).catch(() => undefined);
    await jsm.streams.delete(env.HOTLINE_DLQ_STREAM as string).catch(() => undefined);
    await client.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one full closed loop through the gateway, and a restarted workflow rebuilds its read models equal', async () => {
    await start('relay');
    await start('workflow');
    const gateway = await start('gateway');
    const loop = await runClosedLoop(gateway);
    const before = await readModelSnapshot(gateway, loop);

    // The read models share one database: the gateway restarts too and rebuilds its accounts.
    for (const name of ['workflow', 'gateway']) await processes.find((p) => p.name === name)?.stop();
    await dropReadModels();
    await start('workflow');
    expect(await readModelSnapshot(await start('gateway'), loop)).toEqual(before);
  });
});
