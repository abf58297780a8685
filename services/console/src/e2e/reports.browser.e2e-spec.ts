import { consoleSession, getAsUser, signIn } from './console-steps';

interface Kpi {
  key: string;
  value: number | null;
  target?: number;
}
interface Row {
  key: string;
  counters: Record<string, number>;
  kpis: Kpi[];
}
interface Report {
  totals: Row;
  rows: Row[];
}

/** This month so far in Beijing time, as the dashboards read it. */
function thisMonth(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
/** A KPI as a card shows it. */
const shown = (kpi: Kpi | undefined) => (kpi?.value == null ? '—' : `${(kpi.value * 100).toFixed(1)}%`);
const kpiOf = (row: Row | undefined, key: string) => row?.kpis.find((kpi) => kpi.key === key);

describe('Reports, scorecards and the daily digest in the demo city [browser: Debian chromium]', () => {
  const session = consoleSession('reports');
  const { log } = session;

  it("shows the center its dashboard: KPIs against targets, the trend, the districts drilling down to a unit's cases", async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    const { from, to } = thisMonth();
    const month = await getAsUser<Report>(page, platform.url, `/api/reports/kpis?from=${from}&to=${to}`);
    const card = page.locator('[data-kpi="onTimeCompletion"]').first();
    await card.getByText('按期办结率').waitFor();
    // The card's number is the month's counters' ratio, against the city's target of 95%.
    await card.getByText(shown(kpiOf(month.totals, 'onTimeCompletion')), { exact: true }).waitFor();
    await card.getByText('目标 95%').waitFor();
    await page.getByRole('img', { name: '运行趋势' }).waitFor();
    await page.locator('[role="img"][aria-label="运行趋势"] svg').waitFor();
    const byDistrict = await getAsUser<Report>(
      page,
      platform.url,
      `/api/reports/kpis?from=${from}&to=${to}&groupBy=district`,
    );
    const districts = byDistrict.rows.filter((row) => row.key !== '-');
    expect(districts.length).toBeGreaterThan(0);
    for (const row of districts) {
      await expect(page.locator(`[data-district="${row.key}"] [data-kpi-value]`).textContent()).resolves.toBe(
        shown(kpiOf(row, 'onTimeCompletion')),
      );
    }
    const busiest = [...districts].sort((a, b) => b.counters.received! - a.counters.received!)[0]!;
    await page
      .locator(`[data-district="${busiest.key}"]`)
      .getByText(`受理 ${busiest.counters.received!.toLocaleString('zh-CN')} 件`)
      .waitFor();
    await page.getByTestId('district-grid').scrollIntoViewIfNeeded();
    await log.visit(page, 'reports-00-center-dashboard');
    // District → its units → the unit's cases of the month.
    await page.locator(`[data-district="${busiest.key}"]`).click();
    const units = await getAsUser<Report>(
      page,
      platform.url,
      `/api/reports/kpis?from=${from}&to=${to}&groupBy=unit&districtId=${busiest.key}`,
    );
    // The table lists the district's units in the report's order, ten a page: the busiest of the first page.
    const listedUnits = units.rows.filter((row) => row.key !== '-').slice(0, 10);
    const unit = [...listedUnits].sort((a, b) => b.counters.assigned! - a.counters.assigned!)[0]!;
    const unitRows = page.getByTestId('district-grid').locator('.ant-table-tbody tr.ant-table-row');
    await unitRows.first().waitFor();
    expect(await unitRows.count()).toBe(listedUnits.length);
    await expect(unitRows.nth(listedUnits.indexOf(unit)).locator('td').nth(1).textContent()).resolves.toBe(
      unit.counters.assigned!.toLocaleString('zh-CN'),
    );
    await log.visit(page, 'reports-00b-district-units');
    const listed = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/cases' && url.searchParams.get('unitId') === unit.key;
    });
    await unitRows.nth(listedUnits.indexOf(unit)).click();
    await page.waitForURL(
      (url) => url.pathname === '/center/cases' && url.searchParams.get('unitId') === unit.key,
    );
    const response = await listed;
    expect([response.status(), response.url()]).toEqual([200, response.url()]);
    const result = (await response.json()) as { items: { caseNumber: string }[]; total: number };
    // The list is that unit's cases registered this month, as the case search answers them.
    expect(result.total).toBeGreaterThan(0);
    await page.getByText(result.items[0]!.caseNumber).first().waitFor();
    await log.visit(page, 'reports-00c-unit-cases');
  });

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
    await page.getByRole('heading', { name: /^每日要情 \d{4}\/\d{2}\/\d{2}$/ }).waitFor();
    await page.getByText('紧急及呈报领导工单').waitFor();
    await log.visit(page, 'reports-03-leader-digest');
  });

  it('gives the leader the city in a few big numbers, the surges and hot topics, and the trend', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'leader', '/center');
    await page.getByRole('tab', { name: '领导驾驶舱' }).click();
    await page.getByRole('heading', { name: '全市12345运行态势（本月）' }).waitFor();
    const { from, to } = thisMonth();
    const month = await getAsUser<Report>(page, platform.url, `/api/reports/kpis?from=${from}&to=${to}`);
    const big = (key: string) => page.locator(`[data-big="${key}"] .ant-statistic-content`);
    await expect(big('received').textContent()).resolves.toBe(
      month.totals.counters.received!.toLocaleString('zh-CN'),
    );
    for (const key of ['onTimeCompletion', 'satisfaction']) {
      await expect(big(key).textContent()).resolves.toBe(shown(kpiOf(month.totals, key)));
    }
    await expect(big('overdue').textContent()).resolves.toBe(
      month.totals.counters.overdue!.toLocaleString('zh-CN'),
    );
    // One line an hour: the demo's storm (a category, its words and its place) is one line.
    const surges = await getAsUser<{ surges: { hour: string }[] }>(
      page,
      platform.url,
      '/api/reports/surges?hours=24',
    );
    const surgeList = page.getByTestId('leader-surges');
    const hours = new Set(surges.surges.map((surge) => surge.hour)).size;
    expect(hours).toBeGreaterThan(0);
    await surgeList
      .getByText(/同一时段另有突增：/)
      .first()
      .waitFor();
    expect(await surgeList.locator('.ant-list-item').count()).toBe(hours);
    const topics = page.getByTestId('leader-topics').locator('.ant-list-item');
    await topics.first().waitFor();
    // Each topic says what it is: a category, a word or a place read apart.
    expect(await topics.first().innerText()).toMatch(/^1\s*(分类|关键词|地点)/);
    await page.locator('[role="img"][aria-label="全市运行趋势"] svg').waitFor();
    await log.visit(page, 'reports-03b-leader-view');
  });

  it('lets the city administrator set a target in Chinese; the dashboard measures against it and says who set it', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'city-admin', '/admin');
    await page.goto(`${platform.url}/center`);
    const card = page.locator('[data-kpi="onTimeCompletion"]').first();
    await card.getByText('目标 95%').waitFor();
    await page.getByRole('button', { name: '设定考核目标' }).click();
    const dialog = page.getByRole('dialog', { name: '设定考核目标' });
    const input = dialog.getByLabel('按期办结率的目标');
    // The form opens on the targets in force: the deployment's setting before any edit (filled once
    // the targets are read: the dialog may open first).
    for (let i = 0; i < 100 && (await input.inputValue()) === ''; i++) await page.waitForTimeout(100);
    await expect(input.inputValue()).resolves.toBe('95.0');
    await input.fill('97.5');
    await log.visit(page, 'reports-05-set-targets');
    await dialog.getByRole('button', { name: '保存目标' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The card, and the trend's target line, measure against the new target, naming who set it and when.
    await card
      .getByText(/^目标 97\.5%（由 演示市管理员 于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 设定）$/)
      .waitFor();
    const { from, to } = thisMonth();
    const month = await getAsUser<Report & { targetsSet?: { by: { name?: string } } }>(
      page,
      platform.url,
      `/api/reports/kpis?from=${from}&to=${to}`,
    );
    expect(kpiOf(month.totals, 'onTimeCompletion')?.target).toBe(0.975);
    expect(month.targetsSet?.by.name).toBe('演示市管理员');
    await page.locator('[role="img"][aria-label="运行趋势"] svg').waitFor();
    await log.visit(page, 'reports-05b-targets-set');
    // A stale edit (the form read before this one) is refused in words, and nothing changes.
    const stale = await page.context().request.put(`${platform.url}/api/reports/kpi-targets`, {
      data: { commandId: 'stale-targets', expectedVersion: 0, targets: { onTimeCompletion: 0.5 } },
      headers: {
        'x-csrf-token': decodeURIComponent(
          (await page.context().cookies(platform.url)).find((c) => c.name === 'hotline_csrf')?.value ?? '',
        ),
      },
    });
    expect(stale.status()).toBe(409);
    // The same screen in English.
    await page.evaluate(() => localStorage.setItem('hotline.locale', 'en'));
    await page.reload();
    await card.getByText(/^target 97\.5% \(set by 演示市管理员 on /).waitFor();
    await log.visit(page, 'reports-05c-targets-set-en');
    await page.evaluate(() => localStorage.setItem('hotline.locale', 'zh-CN'));
  });

  it('shows a unit its own KPIs and its place in the ranking', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: '本单位指标' }).click();
    await page.getByRole('heading', { name: '本单位办理指标（本月）' }).waitFor();
    await page.locator('[data-kpi="signOnTime"]').getByText('签收及时率').waitFor();
    await page.locator('[role="img"][aria-label="本单位办理趋势"] svg').waitFor();
    await log.visit(page, 'reports-04-unit-own');
    // A unit sees its own row only.
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
