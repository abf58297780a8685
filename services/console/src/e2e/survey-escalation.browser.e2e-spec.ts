import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ScreenLog, apiAs, signIn } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';
import { foreignText } from './screen-text';

/** The demo's survey link key (`SURVEY_LINK_SECRET`'s default): the test signs a link as the SMS would carry it. */
const DEMO_LINK_SECRET = 'hotline-demo-survey-link-secret';
const surveyToken = (taskId: string, expiresAt: Date): string => {
  const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
  const mac = createHmac('sha256', DEMO_LINK_SECRET)
    .update(`${taskId}|${expiry}`)
    .digest()
    .subarray(0, 12)
    .toString('base64url');
  return `${taskId}.${expiry}.${mac}`;
};

describe('Callbacks, satisfaction, the survey link and supervision in the demo city [browser: Debian chromium]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let phone: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-survey-'));
  const log = new ScreenLog();
  const url = (path: string) => `${platform.url}${path}`;

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    browser = await launchBrowser();
    phone = await launchBrowser({ width: 375, height: 812, isMobile: true });
    page = await browser.context.newPage();
    log.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await phone?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it("lists the survey's callback tasks in the desk's queue, due first, with their kind and method", async () => {
    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '回访待办' }).click();
    await page.getByRole('heading', { name: '回访待办' }).waitFor();
    await page
      .getByRole('button', { name: /^回访工单 \d{8}$/ })
      .first()
      .waitFor();
    await page.getByRole('cell', { name: '办结回访' }).first().waitFor();
    await log.visit(page, 'survey-01-desk-callback-queue');
    expect(await foreignText(page)).toEqual([]);
  });

  it("shows the center the satisfaction by unit and by district, and the ledger with Excel and the notice's PDF", async () => {
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '满意度' }).click();
    await page.getByRole('heading', { name: '回访满意度' }).waitFor();
    await page.getByRole('columnheader', { name: '综合满意率' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await log.visit(page, 'survey-02-center-satisfaction');
    await page.getByText('区县', { exact: true }).click();
    await page.getByRole('columnheader', { name: '区县' }).waitFor();
    expect(await foreignText(page)).toEqual([]);

    await page.getByRole('tab', { name: '督办台账' }).click();
    await page.getByRole('heading', { name: '督办台账' }).waitFor();
    const notice = page.getByRole('link', { name: /^督办单：工单 \d{8}$/ }).first();
    await notice.waitFor();
    await log.visit(page, 'escalation-01-center-ledger');
    expect(await foreignText(page)).toEqual([]);
    expect(await page.getByRole('link', { name: '导出表格' }).getAttribute('href')).toBe(
      '/api/escalation/supervisions/export',
    );
    const pdf = await page.context().request.get(url((await notice.getAttribute('href')) ?? ''));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('puts the near-due and overdue cases on the center home, and lets the center remind a unit with a note', async () => {
    await page.goto(url('/center'));
    await page.getByRole('heading', { name: '临期与超期工单' }).waitFor();
    // Emergency reports sit beside it (none in this city: its empty state, in Chinese).
    await page.getByRole('heading', { name: '应急管理部门报告' }).waitFor();
    await page.getByText('没有报送应急管理部门的紧急工单').waitFor();
    const overdue = page.getByText(/^已超期 [\d.]+ 个工作日$/).first();
    await overdue.waitFor();
    await log.visit(page, 'escalation-02-center-board');
    const row = page.locator('.ant-table-row', { has: overdue });
    await row.getByRole('link').first().click();
    await page.getByRole('button', { name: /催\s*办/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('催办意见').fill('请于今日内联系市民并反馈进展');
    await log.visit(page, 'escalation-03-center-remind');
    await dialog.getByRole('button', { name: '发送催办' }).click();
    await page.getByText(/^已向承办单位催办工单 \d{8}$/).waitFor();
  });

  it('shows a unit the reminders it received and its supervisions, and its own overdue list', async () => {
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('heading', { name: '临期与超期工单' }).waitFor();
    await page.getByRole('link', { name: '催办与督办' }).click();
    await page.getByRole('heading', { name: '收到的催办' }).waitFor();
    await page.getByRole('heading', { name: '本单位督办件' }).waitFor();
    await log.visit(page, 'escalation-04-unit-reminders');
    expect(await foreignText(page)).toEqual([]);
  });

  it('lets a citizen answer once through the SMS link on a phone; a forged link is refused in words', async () => {
    // The center adds a completed demo case to be surveyed by SMS: the link the SMS would carry.
    const center = await apiAs(platform.url, 'center');
    const completed = await center.get<{ items: { caseId: string }[] }>(
      '/api/cases?status=completed&pageSize=1',
    );
    const caseId = completed.items[0]?.caseId ?? '';
    await center.post('/api/survey/callback-tasks', {
      commandId: 'browser-survey-sms',
      taskId: 'browser-survey-sms',
      caseId,
      kind: 'center',
      method: 'sms',
    });
    await center.dispose();
    const token = surveyToken('browser-survey-sms', new Date(Date.now() + 3_600_000));
    const citizen = await phone.context.newPage();
    log.watch(citizen);

    await citizen.goto(url(`/s/${token.slice(0, -4)}AAAA`));
    await citizen.getByText('链接无效').waitFor();
    await citizen.goto(url(`/s/${token}`));
    await citizen.getByRole('heading', { name: '满意度回访' }).waitFor();
    for (const dimension of ['办理效率', '服务态度', '办理结果']) {
      await citizen
        .locator('.ant-form-item', { hasText: dimension })
        .getByText('满意', { exact: true })
        .click();
    }
    await citizen.getByLabel('您的意见（可选）').fill('处理得很及时，谢谢');
    expect(
      await citizen.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await log.visit(citizen, 'survey-03-phone-survey-page');
    expect(await foreignText(citizen)).toEqual([]);
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('感谢您的评价').waitFor();
    // The same link again: answered once, nothing more to do.
    await citizen.reload();
    await citizen.getByText('感谢您的评价').waitFor();
    await log.visit(citizen, 'survey-04-phone-survey-thanks');
  });

  it('meets the accessibility bar on every screen and the CSP on every page', () => {
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
