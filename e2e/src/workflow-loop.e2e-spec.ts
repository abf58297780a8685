import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: the gateway and this service.
import { gatewayService } from '@hotline/gateway';
import { workflowService } from '@hotline/workflow';
import { readModelSnapshot, runClosedLoop } from './testing/case-loop';
import { HotlineHttp } from './testing/hotline-http';

describe('Case workflow end to end [embedded: SQLite event store and read store, in-process bus]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-workflow-e2e-'));
  let running: BootedPlatform | undefined;

  const start = async (): Promise<HotlineHttp> => {
    running = await bootPlatform([workflowService, gatewayService], {
      dir,
      env: { LOG_LEVEL: 'warn' },
    });
    const http = new HotlineHttp(running.url);
    await http.waitUntilReady();
    return http;
  };

  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one full closed loop over HTTP and finds every read model equal after a restart', async () => {
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
      body: { error: { code: 'AUTH_UNAUTHENTICATED' } },
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
