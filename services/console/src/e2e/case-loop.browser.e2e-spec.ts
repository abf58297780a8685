import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, seriousViolations } from './browser';
import { closedOrFailed, ScreenLog, settleAnimations, signIn, signOut } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

// A 1×1 PNG: real magic bytes, so the gateway's upload check accepts it as an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const CITIZEN_PHONE = '13905912468';
const HOUSING = 'housing-bureau';
const RESULT = '已责成物业公司更换电梯配件并修复门禁，电梯已恢复运行，现场已复查。';

describe('The case loop in the console [browser: Debian chromium, embedded platform in its own process]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-files-'));
  const log = new ScreenLog();
  let caseNumber = '';
  let caseId = '';

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    log.watch(page);
    writeFileSync(join(files, 'scene.png'), PNG);
    writeFileSync(join(files, 'repaired.png'), PNG);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  const url = (path: string) => `${platform.url}${path}`;

  it('lets a citizen submit a request with a photo on the portal and shows the case number', async () => {
    await page.goto(url('/'));
    await page.waitForURL((u) => u.pathname === '/portal/submit');
    await log.visit(page, '01-portal-submit');
    await page.getByRole('radio', { name: '投诉' }).check({ force: true });
    await page
      .getByLabel('诉求内容')
      .fill('我家住翠湖苑小区7号楼18层，电梯故障停运三天了，物业说等配件，物业费照收，门禁也坏了没人管。');
    // The place: district and street picked, the rest typed; the case becomes the district's.
    await page.getByRole('combobox', { name: '所在区县和街道' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '鼓楼区' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '东街街道' }).first().click();
    await page.getByLabel('事发地址').fill('翠湖苑小区7号楼');
    await page.getByRole('textbox', { name: /姓名/ }).fill('林女士');
    await page.getByLabel('联系电话').fill(CITIZEN_PHONE);
    await page.locator('input[type=file]').setInputFiles(join(files, 'scene.png'));
    await page.locator('.ant-upload-list-item-done').first().waitFor();
    await page.getByRole('button', { name: /提\s*交/ }).click();
    const number = page.getByTestId('case-number');
    await number.waitFor();
    caseNumber = (await number.innerText()).trim();
    expect(caseNumber).toMatch(/^\d{8}$/);
    await log.visit(page, '02-portal-receipt');
  });

  it('lets the center find the case and dispatch it to the housing bureau', async () => {
    // The charts' chunk (ECharts) is held back: the overview's numbers show first, each chart a named
    // placeholder until it arrives, and that state is what axe judges first.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const chartChunk = /echart[^/]*\.js$/;
    await page.route(chartChunk, async (route) => {
      await held;
      // The page may have given up on a request it made twice (a preload and the import).
      await route.continue().catch(() => undefined);
    });
    await signIn(page, platform.url, 'center', '/center');
    const placeholder = page.getByRole('img', { name: '办理中工单亮灯情况（未答复）' });
    await placeholder.waitFor();
    await settleAnimations(page);
    const whileLoading = await seriousViolations(page);
    const announced = await placeholder.count();
    release();
    await page.unroute(chartChunk);
    expect(whileLoading).toEqual([]);
    expect(announced).toBeGreaterThan(0);
    await page.getByRole('heading', { name: '热线办总览' }).waitFor();
    await log.visit(page, '03-center-overview');
    await page.getByRole('tab', { name: '工单查询' }).click();
    await page.getByLabel('全文检索').fill('翠湖苑');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const link = page.getByRole('link', { name: caseNumber });
    await link.waitFor();
    await log.visit(page, '04-center-search');
    caseId = decodeURIComponent((await link.getAttribute('href'))?.split('/').pop() ?? '');
    await link.click();
    await page.getByText('鼓楼区东街街道翠湖苑小区7号楼').waitFor();
    // The district picked on the portal: the case is Gulou's (its office names the district).
    await page.getByText('鼓楼区人民政府').first().waitFor();
    await page
      .getByRole('button', { name: /派\s*单/ })
      .first()
      .click();
    const lead = page.getByRole('combobox', { name: '主办单位' });
    await lead.click();
    await lead.fill(HOUSING);
    // antd draws the visible options itself; its role=option list is a hidden one for screen readers.
    await page.locator('.ant-select-item-option', { hasText: HOUSING }).first().click();
    await log.visit(page, '05-center-dispatch');
    await page.getByRole('button', { name: '确认派单' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('待签收').first().waitFor();
    await log.visit(page, '06-center-case-dispatched');
    await signOut(page);
  });

  it('lets the unit handler sign and reply with a photo', async () => {
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: caseNumber }).waitFor();
    await log.visit(page, '07-unit-inbox');
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByTestId('case-content').waitFor();
    await log.visit(page, '08-unit-case-to-sign');
    await page.getByRole('button', { name: /签\s*收/ }).click();
    await page.getByLabel('办理结果').waitFor();
    await page.getByLabel('办理结果').fill(RESULT);
    await page.locator('input[type=file]').setInputFiles(join(files, 'repaired.png'));
    await page.locator('.ant-upload-list-item-done').first().waitFor();
    await log.visit(page, '09-unit-case-reply');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText(RESULT).first().waitFor();
    await page.getByRole('heading', { name: '答复内容' }).waitFor();
    await log.visit(page, '10-unit-case-replied');
    await signOut(page);
  });

  it('lets the center accept the reply', async () => {
    await signIn(page, platform.url, 'center', '/center');
    await page.goto(url(`/center/cases/${encodeURIComponent(caseId)}`));
    await page.getByRole('button', { name: '审核通过' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await log.visit(page, '11-center-review');
    await dialog.getByRole('button', { name: '审核通过' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已办结').first().waitFor();
    await signOut(page);
  });

  it('lets an agent record the callback from the callbacks to make', async () => {
    await signIn(page, platform.url, 'agent', '/desk');
    await log.visit(page, '12-desk-intake');
    await page.getByRole('tab', { name: '回访待办' }).click();
    const call = page.getByRole('button', { name: `回访工单 ${caseNumber}` });
    // Longest waiting first: the new case may be on a later page.
    for (let i = 0; i < 20 && !(await call.isVisible()); i++) {
      await page.getByRole('listitem', { name: /下一页|Next Page/ }).click();
    }
    await log.visit(page, '13-desk-callbacks');
    await call.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '已联系上' }).check({ force: true });
    for (const dimension of ['办理效率', '服务态度', '办理结果']) {
      const item = dialog.locator('.ant-form-item', { hasText: dimension });
      await item.getByText('满意', { exact: true }).click();
    }
    await log.visit(page, '14-desk-callback');
    await dialog.getByRole('button', { name: '保存回访结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await signOut(page);
  });

  it('lets the center close the case once the callback is recorded', async () => {
    await signIn(page, platform.url, 'center', '/center');
    await page.goto(url(`/center/cases/${encodeURIComponent(caseId)}`));
    // The callback reaches the case from the desk through the survey and the workflow: the center
    // sees it in the case's history before closing (reloading, as a user would, while it is on its way).
    const recorded = page.getByText(/^回访：/).first();
    for (
      let attempt = 1;
      !(await recorded.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ));
      attempt++
    ) {
      if (attempt === 12) throw new Error('the callback never reached the case page');
      await page.reload();
    }
    await page.getByRole('button', { name: /归\s*档/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /归\s*档/ }).click();
    await closedOrFailed(dialog);
    await page.getByText('已归档').first().waitFor();
    await log.visit(page, '15-center-case-closed');
    await signOut(page);
  });

  it('shows the citizen the answered case with its answer', async () => {
    await page.goto(url(`/portal/track?caseNumber=${caseNumber}`));
    await page.getByLabel('手机号后 4 位').fill(CITIZEN_PHONE.slice(-4));
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('citizen-status').waitFor();
    expect(await page.getByTestId('citizen-status').innerText()).toBe('已答复');
    expect(await page.getByTestId('citizen-answer').innerText()).toContain(RESULT);
    await log.visit(page, '16-portal-track-answered');
  });

  it('meets the accessibility bar on every screen and the CSP on every page', () => {
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
