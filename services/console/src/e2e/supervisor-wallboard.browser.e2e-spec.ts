import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { PASSWORD, ScreenLog, signIn } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

/** A signed-in API client that also PUTs (the routing settings), for the test's setup. */
async function api(baseURL: string, username: string) {
  const context = await request.newContext({ baseURL });
  const signedIn = await context.post('/api/auth/sign-in', { data: { username, password: PASSWORD } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const send = async (method: 'post' | 'put', path: string, data: Record<string, unknown> = {}) => {
    const response = await context[method](path, {
      data: { commandId: randomUUID(), ...data },
      headers: { 'x-csrf-token': csrfToken },
    });
    if (response.status() >= 300) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  };
  return { send, dispose: () => context.dispose() };
}

describe('The supervisor wallboard [browser: Debian chromium]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-supervisor-'));
  const log = new ScreenLog();

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    const admin = await api(platform.url, 'city-admin');
    await admin.send('put', '/api/routing/queues/general', {
      name: '综合咨询',
      requiredSkills: [],
      strategy: 'longest-idle',
      offerTimeoutSeconds: 20,
      afterContactWorkSeconds: 30,
      tierRules: [],
      urgentPriority: 2,
      repeatCallerPriority: 1,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 5,
    });
    await admin.send('put', `/api/routing/agents/${encodeURIComponent('user:agent')}/profile`, {
      skills: { 'lang.cmn': 5 },
      queues: [{ queueId: 'general', tier: 1, position: 0, weight: 1 }],
      chatCapacity: 2,
    });
    await admin.dispose();
    const agent = await api(platform.url, 'agent');
    await agent.send('post', '/api/routing/me/log-in');
    await agent.send('post', '/api/routing/me/ready');
    await agent.dispose();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    log.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('shows the queue and the ready agent live, forces the agent not ready, and shows a change pushed without a reload', async () => {
    await signIn(page, platform.url, 'supervisor', '/');
    await page.goto(`${platform.url}/supervisor`);
    await page.getByRole('heading', { name: '班长席 · 实时监控' }).waitFor();
    await page.getByRole('cell', { name: '综合咨询' }).waitFor();
    const row = page.getByRole('row', { name: /^演示坐席\s/ });
    await row.getByText('空闲').waitFor();
    await log.visit(page, 'supervisor-01-wallboard');
    await row.getByRole('button', { name: '强制示忙' }).click();
    await row.getByText('示忙 · 班长强制').waitFor();
    await log.visit(page, 'supervisor-02-forced-not-ready');

    // Pushed, not polled: the agent signs out elsewhere and the queue's count drops on this screen
    // without a reload and without the screen reading the board again.
    await page.getByText(/^实时推送 · \d+ 秒前更新$/).waitFor();
    let boardReads = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname === '/api/routing/board')
        boardReads++;
    });
    const loggedIn = page
      .getByRole('row', { name: /^综合咨询\s/ })
      .getByRole('cell')
      .nth(3);
    await loggedIn.filter({ hasText: /^1$/ }).waitFor();
    const agent = await api(platform.url, 'agent');
    await agent.send('post', '/api/routing/me/log-out');
    await agent.dispose();
    await loggedIn.filter({ hasText: /^0$/ }).waitFor();
    await row.getByText('签出').waitFor();
    expect(boardReads).toBe(0);
    await log.visit(page, 'supervisor-03-pushed');

    // The live channel down (a proxy that drops streams): the board is read instead, and says so;
    // back up, it is pushed again.
    await page.route('**/api/routing/board/live', (route) => route.abort());
    await page.reload();
    await page.getByText(/^实时通道中断，每 10 秒刷新 · \d+ 秒前更新$/).waitFor();
    await page.getByRole('cell', { name: '综合咨询' }).waitFor();
    await log.visit(page, 'supervisor-04-polling');
    await page.unroute('**/api/routing/board/live');
    await page.getByText(/^实时推送 · \d+ 秒前更新$/).waitFor({ timeout: 60_000 });
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
