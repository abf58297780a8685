import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
// An end-to-end test mounts the platform as the embedded runner does: the gateway and this service.
import { gatewayService } from '@hotline/gateway';
import { workflowService } from '../workflow.module';
import { readModelSnapshot, runClosedLoop } from './case-loop';
import { HotlineHttp } from './hotline-http';

describe('Case workflow end to end [embedded: SQLite, in-process bus, memory read store]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-workflow-e2e-'));
  let running: RunningServices | undefined;

  const start = async (): Promise<HotlineHttp> => {
    const config = loadConfig(
      platformConfigSchema,
      {
        HOTLINE_DATA_DIR: dir,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        EVENT_STORE_DURABILITY: 'normal',
      },
      'hotline',
    );
    const platform = await Platform.open('hotline', config);
    running = await startServices(platform, [workflowService, gatewayService], {
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    }).catch(async (error: unknown) => {
      await platform.close();
      throw error;
    });
    const http = new HotlineHttp(running.url);
    await http.waitUntilReady();
    return http;
  };

  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one full closed loop over HTTP and rebuilds every read model equal after a restart', async () => {
    let http = await start();
    const agent = { username: 'agent' };
    expect(
      await http.request('POST', '/api/cases', { as: agent, body: { caseId: 'no-command-id' } }),
    ).toMatchObject({
      status: 400,
      body: { error: { kind: 'validation', field: 'commandId' } },
    });
    expect(await http.request('POST', '/api/cases', { body: { commandId: 'c-1' } })).toMatchObject({
      status: 401,
      body: { error: { code: 'auth.unauthenticated' } },
    });
    expect(
      await http.request('POST', '/api/cases/any/fly-away', { as: agent, body: { commandId: 'c-2' } }),
    ).toMatchObject({
      status: 404,
    });
    const loop = await runClosedLoop(http);
    const before = await readModelSnapshot(http, loop);
    expect(before.search).toMatchObject({ total: 1, items: [{ caseId: loop.caseId, status: 'closed' }] });

    await running?.close();
    http = await start();
    const after = await readModelSnapshot(http, loop);
    expect(after).toEqual(before);
  });
});
