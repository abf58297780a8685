import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ScreenLog } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

/** The public side on a 375 px phone, the English switch, and what sign-in says when it fails. */
describe('The portal on a phone and the sign-in messages [browser: Debian chromium, 375×812]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-phone-'));
  const log = new ScreenLog();

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    browser = await launchBrowser({ width: 375, height: 812, isMobile: true });
    page = await browser.context.newPage();
    log.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  const url = (path: string) => `${platform.url}${path}`;
  const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

  it('fits the submit form on the phone and names each missing field', async () => {
    await page.goto(url('/portal/submit'));
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('请填写诉求内容').waitFor();
    await page.getByText('请填写联系电话').waitFor();
    await page.getByLabel('联系电话').fill('12345');
    await page.getByText('请填写 11 位手机号或带区号的固定电话').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await log.visit(page, 'phone-01-portal-submit-errors');
  });

  it('tells a citizen reporting a fire to call 119 at once, and keeps the request for an agent to confirm', async () => {
    await page.goto(url('/portal/submit'));
    await page.getByLabel('诉求内容').fill('楼下饭店着火了，浓烟很大，楼道里有人被困，快来人救火！');
    await page.getByRole('textbox', { name: /姓名/ }).fill('陈先生');
    await page.getByLabel('联系电话').fill('13805917777');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('如情况紧急，请立即拨打 119').waitFor();
    await page.getByText('您的诉求已记录').first().waitFor();
    expect(await page.getByRole('link', { name: '拨打 119' }).getAttribute('href')).toBe('tel:119');
    expect(await page.getByTestId('case-number').count()).toBe(0);
    await log.visit(page, 'phone-02-portal-referred');
  });

  it('gives an unclear request its case number on the receipt, and tracks it at once', async () => {
    await page.goto(url('/portal/submit'));
    await page.getByLabel('诉求内容').fill('您好，有个情况想反映一下，麻烦尽快联系我');
    await page.getByRole('textbox', { name: /姓名/ }).fill('林女士');
    await page.getByLabel('联系电话').fill('13805913333');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('话务员审核后转交承办单位办理').waitFor();
    const caseNumber = (await page.getByTestId('case-number').innerText()).trim();
    expect(caseNumber).toMatch(/^\d{8}$/);
    await log.visit(page, 'phone-02b-portal-receipt-number');
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.waitForURL((u) => u.pathname === '/portal/track');
    expect(await page.getByLabel('工单号').inputValue()).toBe(caseNumber);
    await page.getByLabel('手机号后 4 位').fill('3333');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('citizen-status').waitFor();
    expect(await page.getByTestId('citizen-status').innerText()).toBe('已受理');
    await page.getByText(`工单 ${caseNumber}`).waitFor();
    await log.visit(page, 'phone-02c-portal-track-reserved');
  });

  it('finds knowledge articles for a citizen without an account', async () => {
    await page.goto(url('/portal/knowledge'));
    await page.getByLabel('输入关键词').fill('停水');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await log.visit(page, 'phone-03-portal-knowledge');
  });

  it("shows the public record of closed cases without anyone's phone number", async () => {
    await page.goto(url('/portal/record'));
    await page.getByRole('heading', { name: '诉求内容' }).first().waitFor();
    expect(await page.getByRole('heading', { name: '答复内容' }).count()).toBeGreaterThan(0);
    const text = await page.locator('main, body').first().innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await log.visit(page, 'phone-03b-portal-public-record');
  });

  it('answers a wrong case number or phone digits without saying which was wrong', async () => {
    await page.goto(url('/portal/track'));
    await page.getByLabel('工单号').fill('00000019');
    await page.getByLabel('手机号后 4 位').fill('0000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/未查到该工单|工单号有误/);
    await log.visit(page, 'phone-04-portal-track-not-found');
  });

  it('switches the interface to English and keeps the choice after a reload', async () => {
    await page.goto(url('/portal/submit'));
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Submit a request' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Submit a request' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await log.visit(page, 'phone-05-portal-english');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '提交诉求' }).waitFor();
  });

  it('says when a password is wrong, then that the account is locked', async () => {
    await page.goto(url('/login'));
    await page.getByLabel('用户名').fill('auditor');
    let text = '';
    for (let attempt = 0; attempt < 8 && !text.includes('锁定'); attempt++) {
      await page.getByLabel('密码').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('alert').waitFor();
      if (attempt === 0) {
        expect(await page.getByRole('alert').innerText()).toContain('用户名或密码不正确');
        await log.visit(page, 'phone-06-sign-in-invalid');
      }
      // Wait for this attempt's answer before the next one replaces it.
      await page
        .getByRole('button', { name: /登\s*录/ })
        .and(page.locator(':not(.ant-btn-loading)'))
        .waitFor();
      text = await page.getByRole('alert').innerText();
    }
    expect(text).toContain('账号已暂时锁定');
    await log.visit(page, 'phone-07-sign-in-locked');
  });

  it('makes the admin change the initial password before anything else', async () => {
    await page.context().clearCookies();
    await page.goto(url('/login'));
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('ChangeMe@12345');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/password');
    await page.getByText('首次登录须先修改初始密码').waitFor();
    await page.goto(url('/admin'));
    await page.waitForURL((u) => u.pathname === '/password');
    await page.getByLabel('当前密码').fill('wrong-password');
    await page.getByLabel('新密码', { exact: true }).fill('simplepassword');
    await page.getByLabel('确认新密码').fill('simplepassword');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page
      .getByText(/至少 10 位，含大写字母/)
      .first()
      .waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('Rongcheng#2026');
    await page.getByLabel('确认新密码').fill('Rongcheng#2026');
    await page.getByRole('button', { name: '保存新密码' }).click();
    // The gateway checks the current password; the form says so at the field.
    await page.getByText('当前密码不正确。').first().waitFor();
    await log.visit(page, 'phone-08-password-change');
    await page.getByLabel('当前密码').fill('ChangeMe@12345');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin'));
  });

  it('meets the accessibility bar on every screen and the CSP on every page', () => {
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
