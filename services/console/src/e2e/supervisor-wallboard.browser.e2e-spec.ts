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
    // Surges of four contacts in an hour, checked twice a second: the storm below is small and quick.
    platform = await startPlatformWithOwnConsole(files, {
      REPORTING_SURGE_MIN_COUNT: '4',
      REPORTING_SURGE_CHECK_MS: '500',
    });
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

  it('shows a surge of registrations as a banner, pushed, without a reload', async () => {
    // The storm must fall in one hour: in an hour's last two minutes, it waits for the next.
    const leftInHour = 3_600_000 - (Date.now() % 3_600_000);
    if (leftInHour < 120_000) await new Promise((resolve) => setTimeout(resolve, leftInHour + 1_000));
    await page.getByRole('heading', { name: '班长席 · 实时监控' }).waitFor();
    const agent = await api(platform.url, 'agent');
    // 药品安全: a category the demo city never files, so its usual level is none.
    for (let n = 0; n < 5; n += 1) {
      await agent.send('post', '/api/cases', {
        caseId: `surge-${randomUUID()}`,
        type: 'report',
        categoryCode: '040202',
        districtId: 'gulou',
        content: `第${n + 1}位市民反映：药店出售过期药品`,
        citizen: { name: '赵先生', phone: `1390013${String(9000 + n)}` },
        channel: 'phone',
      });
    }
    await agent.dispose();
    // The console names a category by its path in the taxonomy. The demo city's own storm (its last
    // hour, demo-storm.ts) may share the hour: then one banner holds both, the larger leading.
    const banner = page
      .getByRole('alert')
      .filter({ hasText: /突发聚集预警：/ })
      .filter({ hasText: /分类「[^」]*药品安全」/ });
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toMatch(/起一小时内来电 \d+ 件，往常同时段约 [\d.]+ 件/);
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /药品安全/ })
        .count(),
    ).toBe(1);
    // The storm's words surge too: named under the hour's banner, not as banners of their own.
    await banner.filter({ hasText: /同一时段另有突增：.*关键词「药品」/ }).waitFor({ timeout: 60_000 });
    await log.visit(page, 'supervisor-03-surge-banner');
    // Opened again later, the board shows the hour's surges from the start (the categories first).
    await page.reload();
    await banner.waitFor({ timeout: 60_000 });
    expect(log.summary()).toEqual([]);
  }, 300_000);
});
