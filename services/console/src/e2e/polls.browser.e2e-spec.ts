import type { Locator, Page } from 'playwright-core';
import { apiAs, chooseOption, closedOrFailed, consoleSession, getAsUser, signIn } from './console-steps';
import { gbkBytes } from './gbk-bytes';
import { foreignText } from './screen-text';

const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basic', label: '基本满意', score: 80 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const ROUND = 'browser-poll';

/** The new-round dialog's required entries, as the center fills them for the given period. */
async function fillRound(page: Page, dialog: Locator, year: string, span: string): Promise<void> {
  await chooseOption(page, dialog.getByLabel('评议年度'), year);
  await chooseOption(page, dialog.getByLabel('评议时段'), span);
  const units = dialog.getByLabel('被评议单位');
  // A multiple select keeps its list open after a pick: Escape closes it.
  await chooseOption(page, units, '市住房和城乡建设局', { search: '住房' });
  await page.keyboard.press('Escape');
  await chooseOption(page, units, '市自来水公司', { search: '自来水' });
  await page.keyboard.press('Escape');
  await dialog.getByLabel('问题 1 的内容').fill('服务态度');
  await chooseOption(page, dialog.getByLabel('配额 1 的区县'), '鼓楼区人民政府', { search: '鼓楼' });
  await dialog.getByLabel('配额 1 的样本数').fill('20');
}

/** A round of one unit, one question and one quota, defined by the center and opened on its screen. */
async function openFrameRound(
  page: Page,
  url: string,
  round: {
    roundId: string;
    title: string;
    unit: { unitId: string; name: string };
    quota: { district: string; frame: string; count: number };
  },
): Promise<void> {
  const center = await apiAs(url, 'center');
  await center.post('/api/survey/polls', {
    commandId: `${round.roundId}-define`,
    roundId: round.roundId,
    title: round.title,
    seed: round.roundId,
    questionnaire: {
      units: [round.unit],
      questions: [{ questionId: 'attitude', text: '服务态度', weight: 1, options: scale }],
    },
    quotas: [round.quota],
  });
  await center.dispose();
  await signIn(page, url, 'center', '/center');
  await page.getByRole('tab', { name: '民主评议' }).click();
  await chooseOption(page, page.getByRole('combobox', { name: '评议轮次' }), round.title);
}

describe('Opinion polls (民主评议): frames and progress in the center, calls in the desk, verification by the unit [browser: Debian chromium]', () => {
  const session = consoleSession('polls', async ({ platform }) => {
    // The center defines the round (the questionnaire comes from the evaluation office's plan).
    const center = await apiAs(platform.url, 'center');
    await center.post('/api/survey/polls', {
      commandId: 'browser-poll-define',
      roundId: ROUND,
      title: '2026年度民主评议',
      seed: 'browser',
      auditShare: 1,
      questionnaire: {
        units: [
          { unitId: 'housing-bureau', name: '市住建局' },
          { unitId: 'water-group', name: '市水务集团' },
        ],
        questions: [
          { questionId: 'attitude', text: '服务态度', weight: 2, options: scale },
          { questionId: 'result', text: '办事结果', weight: 1, options: scale },
        ],
      },
      quotas: [
        { district: 'gulou', frame: 'hotline', count: 3 },
        { district: 'taijiang', frame: 'hotline', count: 5 },
      ],
    });
    await center.dispose();
  });
  const { log } = session;

  it('imports a frame file in the center, shows each invalid line in words, and draws the sample per quota', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '民主评议' }).click();
    await page.getByRole('heading', { name: '民主评议' }).waitFor();
    await page.getByRole('columnheader', { name: '配额' }).waitFor();
    const lines = ['phone,district'];
    for (let i = 0; i < 12; i++) lines.push(`1390000${String(i).padStart(4, '0')},gulou`);
    lines.push('12345,gulou', '13900001000,taijiang', '13900001001,taijiang');
    await page.locator('input[type=file]').setInputFiles({
      name: '热线来电号码.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    const imported = page.getByRole('row', { name: /热线来电号码/ });
    await imported.waitFor();
    await imported.getByRole('button').first().click();
    await page.getByText('第 14 行：“12345”不是有效的手机或固定电话号码').waitFor();
    await log.visit(page, 'polls-01-center-frames');
    expect(await foreignText(page)).toEqual([]);

    await page.getByRole('button', { name: '抽取样本' }).click();
    await page.getByText('号码不足').waitFor();
    await log.visit(page, 'polls-02-center-progress');
    expect(await foreignText(page)).toEqual([]);
  });

  it('lets an interviewer take the next number, record the answers per unit, and mark the next refused', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '评议访问' }).click();
    await page.getByRole('heading', { name: '民主评议电话访问' }).waitFor();
    await page.getByRole('button', { name: '取下一个号码' }).click();
    await page.getByText('拨打号码').waitFor();
    const units = page.getByRole('combobox', { name: '评价其他单位' });
    await units.click();
    await units.fill('住建');
    // antd draws the visible options itself; its role=option list is a hidden one for screen readers.
    await page.locator('.ant-select-item-option', { hasText: '市住建局' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: '服务态度' }).getByText('满意', { exact: true }).click();
    await page.getByRole('group', { name: '办事结果' }).getByText('基本满意', { exact: true }).click();
    await page.getByLabel('录音编号（选填）').fill('20261207-0001');
    await log.visit(page, 'polls-03-desk-interview');
    expect(await foreignText(page)).toEqual([]);
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByText('问卷已提交').waitFor();
    await page.getByRole('button', { name: '取下一个号码' }).click();
    await page.getByRole('button', { name: /拒\s*访/ }).click();
    await page.getByText('已记录：拒访').waitFor();
  });

  it('shows the center the audit, the ranking with its export, and sends the results to the units', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '民主评议' }).click();
    await page.getByText('问卷审核', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^属\s*实$/ }).click();
    await page.getByText('审核结果已保存').waitFor();
    const housing = page.getByRole('row', { name: /市住建局/ });
    await housing.getByRole('cell', { name: '93.3' }).waitFor();
    expect(await page.getByRole('link', { name: '导出表格' }).getAttribute('href')).toBe(
      `/api/survey/polls/${ROUND}/results/export`,
    );
    const sheet = await page
      .context()
      .request.get(`${platform.url}/api/survey/polls/${ROUND}/results/export`);
    expect(sheet.status()).toBe(200);
    expect((await sheet.body()).subarray(0, 2).toString()).toBe('PK');
    await log.visit(page, 'polls-04-center-results');
    expect(await foreignText(page)).toEqual([]);
    await page.getByRole('button', { name: '发送单位核对' }).click();
    await page.getByText(/^已发送单位核对，核对截止/).waitFor();
  });

  it('lets the center start the telephone robot, see its calls beside the interviewers’, and pause it', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '民主评议' }).click();
    await page.getByText('电话机器人访问', { exact: true }).waitFor();
    await page.getByText('未启动', { exact: true }).waitFor();
    await page.getByLabel('每个号码最多拨打次数').fill('2');
    await page.getByRole('button', { name: '启动机器人' }).click();
    await page.getByText('电话机器人已启动').waitFor();
    await page.getByText(/^运行中（/).waitFor();
    // The interviewers' completed questionnaire is theirs, not the robot's.
    const people = page.getByRole('row', { name: /^访问员/ });
    await people.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await log.visit(page, 'polls-05-center-robot');
    expect(await foreignText(page)).toEqual([]);
    await page.getByRole('button', { name: '暂停机器人' }).click();
    await page.getByText('电话机器人已暂停').waitFor();
    await page.getByText(/^已暂停（/).waitFor();
  });

  it('lets the unit see its own rank and scores, and dispute them before the deadline', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: '民主评议核对' }).click();
    await page.getByRole('heading', { name: '民主评议结果核对' }).waitFor();
    await page.getByText('第 1 名（共 2 个单位）').waitFor();
    expect(await page.getByText('市水务集团').count()).toBe(0);
    await log.visit(page, 'polls-06-unit-verification');
    expect(await foreignText(page)).toEqual([]);
    await page.getByLabel('核对意见').fill('该访问对象并非我局服务对象');
    await page.getByRole('button', { name: '提出异议' }).click();
    await page.getByText('核对意见已提交').waitFor();
    await page.getByText('异议已提交，等待评议办答复').waitFor();
  });

  it('lets the center answer the dispute (二次终审) correcting the interview, and the unit read the reply and its new index', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '民主评议' }).click();
    const housing = page.getByRole('row', { name: /市住建局/ });
    await housing.getByRole('button', { name: '答复异议' }).click();
    const dialog = page.getByRole('dialog', { name: '答复市住建局的异议（二次终审）' });
    await dialog.getByText('该访问对象并非我局服务对象').waitFor();
    await dialog.getByText('采纳异议').click();
    // The interview misheard: 服务态度 was 基本满意, not 满意 (the recording says so).
    await dialog.getByLabel('选择要更正的问卷').click();
    await page
      .locator('.ant-select-item-option', { hasText: '服务态度：满意；办事结果：基本满意' })
      .first()
      .click();
    const correction = dialog.getByTestId('poll-correction');
    // Unchanged, it cannot be sent: the center is told why.
    await correction.getByText('答案未改动：请改动至少一题，或移除此问卷').waitFor();
    expect(await dialog.getByRole('button', { name: '提交答复' }).isDisabled()).toBe(true);
    await correction.getByLabel(/的“服务态度”$/).click();
    await page.locator('.ant-select-item-option', { hasText: '服务态度：基本满意' }).first().click();
    await dialog.getByLabel('答复理由').fill('经调取录音复核，市民对服务态度的评价为基本满意');
    await log.visit(page, 'polls-07-center-dispute-reply');
    expect(await foreignText(page)).toEqual([]);
    await dialog.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('异议答复已提交').waitFor();
    await housing
      .getByText('终审：采纳异议，更正 1 份问卷后重新计算。经调取录音复核，市民对服务态度的评价为基本满意')
      .waitFor();
    // Recomputed from the corrected answers: (2 × 80 + 1 × 80) ÷ 3, was 93.3.
    // (the index first, then each question's score: 服务态度 and 办事结果 both 80.0 now)
    await housing.getByRole('cell', { name: '80.0' }).first().waitFor();
    expect(await housing.getByRole('cell', { name: '80.0' }).count()).toBe(3);
    expect(await housing.getByRole('button', { name: '答复异议' }).count()).toBe(0);

    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: '民主评议核对' }).click();
    await page.getByText(/^评议办答复（/).waitFor();
    await page
      .getByText('终审：采纳异议，更正 1 份问卷后重新计算。经调取录音复核，市民对服务态度的评价为基本满意')
      .waitFor();
    await log.visit(page, 'polls-08-unit-reply');
    expect(await foreignText(page)).toEqual([]);
  });

  it('lets the center define a round on screen: a wrong entry refused naming the field, then the round selected and awaiting its frames', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'center', '/center');
    await page.getByRole('tab', { name: '民主评议' }).click();
    await page.getByRole('heading', { name: '民主评议' }).waitFor();
    await page.getByRole('button', { name: '新建评议轮次' }).click();
    const dialog = page.getByRole('dialog', { name: '新建评议轮次' });
    await dialog.getByLabel('轮次名称').waitFor();
    const year = String(new Date().getFullYear() + 1);
    await fillRound(page, dialog, `${year}年`, '上半年');
    const title = `${year}年上半年全市民主评议`;
    expect(await dialog.getByLabel('轮次名称').inputValue()).toBe(title);

    // A second question weighing nothing, and a second quota repeating the first's district and frame.
    await dialog.getByRole('button', { name: '添加问题' }).click();
    await dialog.getByLabel('问题 2 的内容').fill('办理结果');
    await dialog.getByLabel('问题 2 的权重').fill('0');
    await dialog.getByRole('button', { name: '添加配额' }).click();
    await chooseOption(page, dialog.getByLabel('配额 2 的区县'), '鼓楼区人民政府', { search: '鼓楼' });
    await dialog.getByLabel('配额 2 的样本数').fill('10');
    await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
    await dialog.getByText('问题 2 的权重须大于 0、不超过 100').waitFor();
    await dialog.getByText('配额 2 与配额 1 的区县和样本框相同：每个区县的每个样本框只设一条配额').waitFor();
    await log.visit(page, 'polls-09-define-refused');
    expect(await foreignText(page)).toEqual([]);

    await dialog.getByLabel('问题 2 的权重').fill('2');
    await chooseOption(page, dialog.getByLabel('配额 2 的样本框'), '运营商号码库');
    await dialog.getByRole('button', { name: '上移问题 2' }).click();
    expect(await dialog.getByLabel('问题 1 的内容').inputValue()).toBe('办理结果');
    // A double click defines one round: the same command id, and the button spins after the first.
    await dialog.getByRole('button', { name: /^新\s*建$/ }).dblclick();
    await closedOrFailed(dialog);
    await page.getByText(`${title}（待导入号码和抽样）`).waitFor();
    await page.getByText('下一步：在“导入样本框”中导入各样本框的号码文件，然后抽取样本').waitFor();
    await page.getByRole('row', { name: /运营商号码库/ }).waitFor();
    await log.visit(page, 'polls-10-center-round-defined');
    expect(await foreignText(page)).toEqual([]);

    const rounds = await getAsUser<{ items: { roundId: string; title: string }[] }>(
      page,
      platform.url,
      '/api/survey/polls',
    );
    expect(rounds.items.filter((round) => round.title === title).map((r) => r.roundId)).toEqual([
      `${year}-h1`,
    ]);
    const defined = await getAsUser<{
      questionnaire: { units: { name: string }[]; questions: { text: string; weight: number }[] };
      quotas: { district: string; frame: string; target: number }[];
      auditShare: number;
    }>(page, platform.url, `/api/survey/polls/${year}-h1`);
    expect(defined.questionnaire.units.map((u) => u.name)).toEqual(['市住房和城乡建设局', '市自来水公司']);
    expect(defined.questionnaire.questions.map((q) => [q.text, q.weight])).toEqual([
      ['办理结果', 2],
      ['服务态度', 1],
    ]);
    expect(defined.quotas.map((q) => [q.district, q.frame, q.target]).sort()).toEqual([
      ['gulou', 'carrier', 10],
      ['gulou', 'hotline', 20],
    ]);
    expect(defined.auditShare).toBe(0.1);

    // The same period again: the service refuses it, and the dialog says so on the period.
    await page.getByRole('button', { name: '新建评议轮次' }).click();
    await dialog.getByLabel('轮次名称').waitFor();
    await fillRound(page, dialog, `${year}年`, '上半年');
    await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
    await dialog
      .getByText(`${year}年上半年已有评议轮次：每个评议期间只能新建一轮，请选择其他年度或时段`)
      .waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('imports a carrier frame bigger than one command in parts, counting every number and naming each invalid line by its line in the file', async () => {
    const { page, platform } = session;
    await openFrameRound(page, platform.url, {
      roundId: 'browser-big-frame',
      title: '大文件导入演练',
      unit: { unitId: 'water-group', name: '市水务集团' },
      quota: { district: 'gulou', frame: 'carrier', count: 7 },
    });
    // The round shown is this one (its only quota asks for 7 carrier numbers) before a file goes in.
    await page
      .getByRole('row', { name: /运营商号码库/ })
      .getByRole('cell', { name: '7', exact: true })
      .waitFor();
    // A district's carrier numbers, 60,000 of them (over 1 MB, three parts), with invalid lines in
    // the first, second and last part.
    const lines = ['phone,district'];
    for (let i = 0; i < 60_000; i++) lines.push(`139${String(i).padStart(8, '0')},gulou`);
    const invalid: [number, string][] = [
      [7, '12345,gulou'],
      [30_001, '13800000001,鼓楼区'],
      [58_888, '13900000001,gulou'],
    ];
    for (const [line, text] of invalid) lines.splice(line - 1, 0, text);
    const file = {
      name: '鼓楼区运营商号码.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    };
    expect(file.buffer.length).toBeGreaterThan(2 * 512 * 1024);
    await chooseOption(page, page.getByRole('combobox', { name: '样本框', exact: true }), '运营商号码库');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('已导入 3 / 3 部分').waitFor({ timeout: 120_000 });
    await page.getByText('已导入 60000 个号码，3 行无效').waitFor({ timeout: 60_000 });
    const imported = page.getByRole('row', { name: /鼓楼区运营商号码/ });
    await imported.getByRole('cell', { name: '60000', exact: true }).waitFor();
    await imported.getByRole('cell', { name: '3', exact: true }).waitFor();
    await imported.getByRole('button').first().click();
    const rejected = page.getByRole('list', { name: '无效行' }).last();
    await rejected.getByText('第 7 行：“12345”不是有效的手机或固定电话号码').waitFor();
    await rejected.getByText('第 30001 行：“鼓楼区”不是区县代码').waitFor();
    await rejected.getByText('第 58888 行：13900000001 已在该号码库中').waitFor();
    await log.visit(page, 'polls-11-center-big-frame');
    expect(await foreignText(page)).toEqual([]);

    // The same file again (a retry, or after a reload): the same parts, answered as already imported.
    const summary = page.getByText('已导入 60000 个号码，3 行无效');
    await summary.waitFor({ state: 'detached', timeout: 60_000 });
    await page.locator('input[type=file]').setInputFiles(file);
    await summary.waitFor({ timeout: 120_000 });
    expect(await page.getByRole('row', { name: /鼓楼区运营商号码/ }).count()).toBe(1);
  }, 300_000);

  it('imports a department frame exported from Excel in GBK: the encoding shown, Chinese columns read, lines numbered as in the file', async () => {
    const { page, platform } = session;
    await openFrameRound(page, platform.url, {
      roundId: 'browser-gbk-frame',
      title: '部门号码导入演练',
      unit: { unitId: 'housing-bureau', name: '市住建局' },
      quota: { district: 'gulou', frame: 'department', count: 2 },
    });
    await page.getByRole('row', { name: /部门提供号码库/ }).waitFor();
    // As Excel on a Chinese Windows saves it: GBK, CRLF, a Chinese header and a column of names.
    const lines = [
      '号码,区县,单位,姓名',
      '13700000001,gulou,housing-bureau,王小明',
      '13700000002,鼓楼区,housing-bureau,李娟',
      '13700000003,gulou,housing-bureau,欧阳建国',
      '13700000001,gulou,housing-bureau,王小明',
    ];
    await chooseOption(page, page.getByRole('combobox', { name: '样本框', exact: true }), '部门提供号码库');
    await page.locator('input[type=file]').setInputFiles({
      name: '住建局服务对象.csv',
      mimeType: 'text/csv',
      buffer: gbkBytes(lines.join('\r\n')),
    });
    await page.getByText('文件编码：GBK / GB18030').waitFor();
    await page.getByText('已导入 2 个号码，2 行无效').waitFor();
    const imported = page.getByRole('row', { name: /住建局服务对象/ });
    await imported.getByRole('button').first().click();
    const rejected = page.getByRole('list', { name: '无效行' }).last();
    await rejected.getByText('第 3 行：“鼓楼区”不是区县代码').waitFor();
    await rejected.getByText('第 5 行：13700000001 在文件中重复').waitFor();
    await log.visit(page, 'polls-12-center-gbk-frame');
    expect(await foreignText(page)).toEqual([]);
  });

  it("has this year's round in the demo city", () => {
    const { platform } = session;
    expect(platform.output()).not.toContain('demo poll not created');
  });

  it('meets the accessibility bar on every screen and the CSP on every page', () => {
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
