import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CaseDetailView } from '@hotline/contracts';
import { launchBrowser } from './browser';
import { apiAs, closedOrFailed, portalCase, ScreenLog, signIn, signOut } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';
import { foreignText } from './screen-text';

const HOUSING_NAME = '市住房和城乡建设局';
const NOTES = {
  dispatch: '请今天内联系业主，并到7号楼现场核查电梯和门禁。',
  extension: '电梯主板需厂家从外地调货，到货约需三个工作日。',
  rejection: '配件可从市电梯维保中心库存调拨，请按期办结。',
  reply: '已督促物业更换电梯配件，电梯恢复运行。',
  sentBack: '答复未说明门禁的修复情况，请补充后重新答复。',
  report: '高层住宅电梯停运三天，老人出行困难，市民已多次来电。',
  instruction: '请住建局督促物业两日内修复门禁，每日报告进度。',
};

/**
 * What each role wrote reaches the next role where it acts: the center's dispatch note on the
 * unit's case page, the unit's reason in the center's extension dialog, the center's reasons on
 * the unit's page, the summary reported to a leader on the leader's screen and the instruction on
 * everyone's; the timeline says who did it, in which role, when, in Chinese.
 */
describe('Notes between roles in the console [browser: Debian chromium, embedded platform]', () => {
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-notes-'));
  const log = new ScreenLog();
  const foreign: string[] = [];
  let caseNumber = '';

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    ({ caseNumber } = await portalCase(
      platform.url,
      { name: '林女士', phone: '13905913579' },
      '投诉：翠湖苑小区7号楼电梯故障停运三天了，物业费照收，物业说等配件，门禁也坏了没人管。',
    ));
    browser = await launchBrowser();
    page = await browser.context.newPage();
    log.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  const url = (path: string) => `${platform.url}${path}`;
  /** A screenshot, the axe check, and the English words or ISO instants the screen shows. */
  const visit = async (screen: string) => {
    await log.visit(page, screen);
    for (const text of await foreignText(page)) foreign.push(`${screen}: ${text}`);
  };
  const note = (kind: string) => page.getByTestId(`case-note-${kind}`);
  const openUnitCase = async () => {
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.goto(url(`/unit/cases/${caseNumber}`));
    await page.getByTestId('case-content').waitFor();
  };
  const openCenterCase = async (username = 'center') => {
    await signIn(page, platform.url, username, '/center');
    await page.goto(url(`/center/cases/${caseNumber}`));
    await page.getByRole('heading', { name: new RegExp(caseNumber) }).waitFor();
  };

  it('lets the center open the case by its number and dispatch it with a note', async () => {
    await openCenterCase();
    await page
      .getByRole('button', { name: /派\s*单/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    const lead = dialog.getByRole('combobox', { name: '主办单位' });
    await lead.click();
    await lead.fill('住');
    await page.locator('.ant-select-item-option', { hasText: HOUSING_NAME }).first().click();
    await dialog.getByLabel('派单说明').fill(NOTES.dispatch);
    await dialog.getByRole('button', { name: '确认派单' }).click();
    await closedOrFailed(dialog);
    const entry = page.getByTestId('timeline-entry').filter({ hasText: '派单说明' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(NOTES.dispatch);
    expect(await entry.innerText()).toContain('演示热线办（热线办）');
    expect(await entry.innerText()).toContain(`派至 ${HOUSING_NAME}`);
    await visit('notes-01-center-dispatched');
    await signOut(page);
  });

  it("shows the unit the center's dispatch note; the unit signs and asks for an extension", async () => {
    await openUnitCase();
    expect(await note('dispatch').innerText()).toContain(NOTES.dispatch);
    await visit('notes-02-unit-dispatch-note');
    await page.getByRole('button', { name: /签\s*收/ }).click();
    await page.getByRole('button', { name: '申请延期' }).click();
    const center = await apiAs(platform.url, 'center');
    const detail = await center.get<CaseDetailView>(`/api/cases/${caseNumber}`);
    await center.dispose();
    const day = new Date(detail.dueAt ?? Date.now());
    day.setDate(day.getDate() + 5);
    const dialog = page.getByRole('dialog', { name: '申请延期' });
    const date = dialog.getByLabel('申请延至');
    await date.fill(day.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await date.press('Tab');
    await dialog.getByLabel('延期理由').fill(NOTES.extension);
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await closedOrFailed(dialog);
    await page.getByText('延期待批').first().waitFor();
    await signOut(page);
  });

  it("shows the center the unit's reason in the case and in the extension dialog", async () => {
    await openCenterCase();
    await note('extensionReason').waitFor();
    expect(await note('extensionReason').innerText()).toContain(NOTES.extension);
    await page.getByRole('button', { name: '不批准延期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(NOTES.extension).waitFor();
    await dialog.getByLabel('原因').fill(NOTES.rejection);
    await visit('notes-03-center-extension-dialog');
    await dialog.getByRole('button', { name: '不批准延期' }).click();
    await closedOrFailed(dialog);
    await signOut(page);
  });

  it('shows the unit why the extension was refused; the unit replies', async () => {
    await openUnitCase();
    expect(await note('extensionDecision').innerText()).toContain(NOTES.rejection);
    await page.getByLabel('办理结果').fill(NOTES.reply);
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByRole('heading', { name: '答复内容' }).waitFor();
    await signOut(page);
  });

  it('lets the center send the reply back with a reason and report the case to the leaders', async () => {
    await openCenterCase();
    await page.getByRole('button', { name: '退回答复' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因').fill(NOTES.sentBack);
    await dialog.getByRole('button', { name: '退回答复' }).click();
    await closedOrFailed(dialog);
    await page.getByRole('button', { name: '呈报领导' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('呈报摘要').fill(NOTES.report);
    await dialog.getByRole('button', { name: '呈报领导' }).click();
    await closedOrFailed(dialog);
    await note('report').waitFor();
    await visit('notes-04-center-sent-back-and-reported');
    await signOut(page);
  });

  it('shows the unit why its reply came back', async () => {
    await openUnitCase();
    expect(await note('sentBack').innerText()).toContain(NOTES.sentBack);
    await visit('notes-05-unit-sent-back');
    await signOut(page);
  });

  it('shows the leader the summary reported; the leader writes an instruction', async () => {
    await openCenterCase('leader');
    expect(await note('report').innerText()).toContain(NOTES.report);
    await page.getByRole('button', { name: '领导批示' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('批示内容').fill(NOTES.instruction);
    await dialog.getByRole('button', { name: '领导批示' }).click();
    await closedOrFailed(dialog);
    await note('instruction').waitFor();
    await visit('notes-06-leader-instruction');
    await signOut(page);
  });

  it("shows the leader's instruction to the unit and the center, and the timeline says who wrote it", async () => {
    await openUnitCase();
    expect(await note('instruction').innerText()).toContain(NOTES.instruction);
    await visit('notes-07-unit-instruction');
    await signOut(page);
    await openCenterCase();
    expect(await note('instruction').innerText()).toContain(NOTES.instruction);
    const entry = page.getByTestId('timeline-entry').filter({ hasText: '批示内容' });
    expect(await entry.innerText()).toContain('演示市领导（领导）');
    await visit('notes-08-center-instruction');
    await signOut(page);
  });

  it('shows the auditor who did what to the case in the audit trail, filtered by who, and exports it', async () => {
    await signIn(page, platform.url, 'auditor', '/admin');
    await page.waitForURL((u) => u.pathname === '/admin/audit');
    await page.getByText(NOTES.instruction).first().waitFor();
    await page.getByLabel('操作人（用户名或姓名）').fill('leader');
    await page.getByRole('button', { name: /筛\s*选/ }).click();
    await page.getByText('共 1 条').waitFor();
    const row = page.locator('.ant-table-row').first();
    expect(await row.innerText()).toContain('演示市领导（领导）');
    expect(await row.getByRole('link', { name: caseNumber }).count()).toBe(1);
    await visit('notes-09-auditor-trail');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(NOTES.instruction);
    expect(csv).toContain(caseNumber);
    await signOut(page);
  });

  it('lets the center review closed cases before the public record: publish in corrected words, or withhold with a reason', async () => {
    await signIn(page, platform.url, 'center', '/center');
    await page.goto(url('/center/public-record'));
    await page.getByRole('heading', { name: '办件公开审核' }).waitFor();
    const card = page.locator('.ant-card').filter({ has: page.getByRole('button', { name: /公\s*开/ }) });
    await card.first().waitFor();
    const first = card.first();
    const published = await first.getByRole('link', { name: /^\d{8}$/ }).innerText();
    const request = first.getByRole('textbox', { name: '诉求内容（公开文本）' });
    expect(await request.inputValue()).not.toMatch(/1[3-9]\d{9}/);
    const answer = first.getByRole('textbox', { name: '办理结果（公开文本）' });
    const corrected = `${await answer.inputValue()}（经热线办审核）`;
    await answer.fill(corrected);
    await visit('notes-10-center-public-record-review');
    await first.getByRole('button', { name: /^公\s*开$/ }).click();
    await page.getByRole('link', { name: published }).waitFor({ state: 'detached' });

    const withheld = await card
      .first()
      .getByRole('link', { name: /^\d{8}$/ })
      .innerText();
    await card
      .first()
      .getByRole('button', { name: /不予公开/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '不予公开的原因' }).fill('涉及第三方商业信息，不宜公开。');
    await dialog.getByRole('button', { name: /不予公开/ }).click();
    await page.getByRole('link', { name: withheld }).waitFor({ state: 'detached' });

    // The portal shows the corrected words of the one, and never the other.
    const entries: { caseNumber: string; answer: string }[] = [];
    for (let pageNo = 1; pageNo <= 20; pageNo++) {
      const response = await fetch(url(`/api/public/closed-cases?pageSize=50&page=${pageNo}`));
      const body = (await response.json()) as { items: { caseNumber: string; answer: string }[] };
      entries.push(...body.items);
      if (body.items.length < 50) break;
    }
    expect(entries.find((e) => e.caseNumber === published)?.answer).toContain('（经热线办审核）');
    expect(entries.some((e) => e.caseNumber === withheld)).toBe(false);

    await page.goto(url(`/center/cases/${withheld}`));
    await page.getByText('审核后不予公开').first().waitFor();
    await page.getByText('涉及第三方商业信息，不宜公开。').first().waitFor();
    await visit('notes-11-center-withheld-timeline');
    await signOut(page);
  });

  it('shows no English words or ISO instants on these Chinese screens', () => {
    expect(foreign).toEqual([]);
  });

  it('meets the accessibility bar on every screen and the CSP on every page', () => {
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
