import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser';
import { ScreenLog, signIn } from '../../e2e/console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from '../../e2e/platform-process';

/** The city administrator edits the city's settings through the console, on the real platform. */
describe('City settings in the console [browser: Debian chromium]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-settings-'));
  const log = new ScreenLog();

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    log.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('adds a category under a parent, refusing a taken code by naming it', async () => {
    await signIn(page, platform.url, 'city-admin', '/admin');
    await page.goto(`${platform.url}/admin/categories`);
    // The tree opens expanded: the level-2 category is there to add under.
    const addUnder = page.getByRole('button', { name: '在“市政设施”下新增分类' });
    await addUnder.waitFor();
    await log.visit(page, 'settings-categories');

    await addUnder.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分类编码').fill('010101');
    await dialog.getByLabel('中文名称').fill('共享单车停放');
    await dialog.getByLabel('英文名称').fill('Shared bike parking');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog.getByRole('alert').innerText()).resolves.toContain('有问题的字段：code');
    await log.visit(page, 'settings-category-taken');

    await dialog.getByLabel('分类编码').fill('010199');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /010199/ });
    await expect(row.innerText()).resolves.toMatch(/共享单车停放[\s\S]*3 级[\s\S]*本市新增[\s\S]*在用/);
  });

  it('adds a city holiday and lists it with the official days of its year', async () => {
    await page.getByRole('tab', { name: '日历与时限' }).click();
    const year = Number(await page.getByLabel('年份').locator('..').innerText());
    await page
      .getByRole('row', { name: /国家安排/ })
      .first()
      .waitFor();
    await page.getByLabel('日期').fill(`${year}-07-15`);
    await page.getByLabel('名称', { exact: true }).fill('本市防汛停工');
    await page.getByRole('button', { name: /添\s*加/ }).click();
    const row = page.getByRole('row', { name: new RegExp(`${year}-07-15`) });
    await expect(row.innerText()).resolves.toMatch(/放假[\s\S]*本市防汛停工[\s\S]*本市自定/);
    await log.visit(page, 'settings-calendar');
  });

  it('warns that 2027 is provisional and shows its computed Spring Festival', async () => {
    await page.getByLabel('年份').click();
    await page.locator('.ant-select-item-option[title="2027"]').click();
    const warning = page.getByRole('alert').filter({ hasText: '2027 年为推算安排' });
    await expect(warning.innerText()).resolves.toContain('WORKFLOW_CALENDAR_NOTICES_PATH');
    await expect(page.getByRole('row', { name: /2027-02-08/ }).innerText()).resolves.toMatch(
      /放假[\s\S]*国家安排/,
    );
    await log.visit(page, 'settings-calendar-provisional');

    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
