import { consoleSession, signIn } from './console-steps';

describe('Reports, scorecards and the daily digest in the demo city [browser: Debian chromium]', () => {
  const session = consoleSession('reports');
  const { log } = session;

  it("shows the center the month's KPIs against their targets, by unit, with the ranking and hot topics", async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '指标报表' }).click();
    await page.getByRole('heading', { name: '热线运行指标' }).waitFor();
    await page.locator('[data-kpi="dispatchOnTime"]').getByText('转办及时率').waitFor();
    await page.getByText('承办单位考核排名（百分制）').waitFor();
    await page.getByRole('img', { name: '各分组受理量与办结量' }).waitFor();
    await log.visit(page, 'reports-01-center-kpis');
    await page.getByText('近30天热点 · 关键词').scrollIntoViewIfNeeded();
    await log.visit(page, 'reports-02-scorecards-topics');
    expect(await page.getByRole('link', { name: 'Excel' }).first().getAttribute('href')).toMatch(
      /^\/api\/reports\/kpis\/export\?format=xlsx&from=\d{4}-\d{2}-01&to=/,
    );
    // The month's case list: under the row limit, it downloads at once.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出工单明细' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^工单明细-\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it("gives the leader yesterday's digest", async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'leader', '/center');
    await page.goto(`${platform.url}/center/digest`);
    await page.getByRole('heading', { name: /^每日要情 \d{4}-\d{2}-\d{2}$/ }).waitFor();
    await page.getByText('紧急及呈报领导工单').waitFor();
    await log.visit(page, 'reports-03-leader-digest');
  });

  it('shows a unit its own KPIs and its place in the ranking', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: '本单位指标' }).click();
    await page.getByRole('heading', { name: '本单位办理指标（本月）' }).waitFor();
    await page.locator('[data-kpi="signOnTime"]').getByText('签收及时率').waitFor();
    await log.visit(page, 'reports-04-unit-own');
    // A unit sees its own row only.
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
