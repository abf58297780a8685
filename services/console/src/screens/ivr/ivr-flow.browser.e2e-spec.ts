import { randomUUID } from 'node:crypto';
import type { IvrFlowView } from '@hotline/contracts';
import type { Locator, Page } from 'playwright-core';
import { apiAs, chooseOption, consoleSession, signIn } from '../../e2e/console-steps';
import { foreignText } from '../../e2e/screen-text';

const OUTAGE = '鼓楼区部分小区停电，供电公司正在抢修，预计今晚恢复。';

/**
 * 电话导航: the city administrator sees the shipped flow as a flowchart, edits it (a node added, a
 * node cut off and reconnected, refusals shown on the node before publishing), publishes it, tries it
 * with the keypad against the simulated platform, and a publish from a superseded version is refused;
 * the supervisor sets the live announcement that the flowchart and the test call then show.
 */
describe('The IVR flow in the console [browser: Debian chromium]', () => {
  const session = consoleSession('ivr');
  const { log, url } = session;
  const node = (page: Page, id: string): Locator => page.locator(`.ivr-node[data-node="${id}"]`);
  const panel = (page: Page): Locator => page.locator('.ant-card', { hasText: '编辑：' });
  const field = (page: Page, label: string): Locator => panel(page).getByLabel(label, { exact: true });
  // antd spaces a two-character Chinese label (发 布).
  const publishButton = (page: Page): Locator => page.getByRole('button', { name: /^发\s*布$/ });

  it('shows the shipped flow as a flowchart with its nodes, prompts and version', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'city-admin', '/admin');
    await page.getByRole('tab', { name: '电话导航' }).click();
    await page.getByRole('heading', { name: '电话导航流程' }).waitFor();
    await page.getByText('当前为系统内置流程（第 0 版）').waitFor();
    for (const [id, words] of [
      ['check-blocklist', '黑名单'],
      ['main-menu', '人工服务请按1，自助服务请按2。'],
      ['self-service', '自助服务'],
      ['agent', '转人工'],
      ['enter-case-number', '请输入八位受理编号'],
      ['incident', '重大事件播报'],
    ] as const) {
      await expect(node(page, id).innerText()).resolves.toContain(words);
    }
    await page.getByText('正在通话中的来电仍按接通时的版本进行').waitFor();
    await log.visit(page, 'ivr-01-default-flow');
    expect(await foreignText(page)).toEqual([]);
  });

  it('shows a node cut off from the start as unreachable on the node, and publishes once it is fixed', async () => {
    const { page } = session;
    // The welcome leads straight to the menu: the announcement node is left behind.
    await node(page, 'welcome').click();
    await chooseOption(page, field(page, '下一步'), '主菜单', { search: '主菜单' });
    await node(page, 'incident').getByText('不可达').waitFor();
    expect(await publishButton(page).isDisabled()).toBe(true);
    await log.visit(page, 'ivr-02-unreachable');
    await chooseOption(page, field(page, '下一步'), '重大事件播报', { search: '重大事件' });
    await node(page, 'incident').getByText('不可达').waitFor({ state: 'detached' });

    // A new node: the hours announced before the off-hours menu.
    await page.getByRole('button', { name: '添加节点' }).click();
    await page.getByRole('menuitem', { name: '播放语音' }).click();
    await node(page, 'play-1').getByText('不可达').waitFor();
    await field(page, '名称').fill('非工作时间提示');
    const prompts = field(page, '提示音');
    await chooseOption(page, prompts, '现在是非工作时间', { search: '非工作时间' });
    await page.keyboard.press('Escape');
    await panel(page)
      .locator('.ant-select-selection-item', { hasText: '您好，欢迎致电' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await chooseOption(page, field(page, '下一步'), '非工作时间', { search: '非工作时间' });
    await page
      .getByRole('alert')
      .filter({ hasText: '个节点存在问题' })
      .getByText('非工作时间提示：不可达')
      .waitFor();
    await log.visit(page, 'ivr-03-new-node-unreachable');

    await node(page, 'agent-hours').click();
    await chooseOption(page, field(page, '工作时间外'), '非工作时间提示', { search: '提示' });
    await node(page, 'play-1').getByText('不可达').waitFor({ state: 'detached' });
    await publishButton(page).click();
    await page.getByText(/第 1 版，演示市管理员（市管理员）于 .+ 发布/).waitFor();

    await page.reload();
    await page.getByText(/第 1 版，演示市管理员（市管理员）于 .+ 发布/).waitFor();
    await expect(node(page, 'play-1').innerText()).resolves.toContain('非工作时间提示');
    await log.visit(page, 'ivr-04-published');
    expect(await foreignText(page)).toEqual([]);
  });

  it('tries the flow with the keypad: 1 queues for an agent, 2 then 3 asks for the case number', async () => {
    const { page } = session;
    const transcript = page.getByRole('list', { name: '来电人听到的内容' });
    const key = (k: string) => page.getByRole('button', { name: `按键 ${k}`, exact: true }).click();
    await page.getByRole('button', { name: '开始试拨' }).click();
    await transcript.getByText('人工服务请按1，自助服务请按2。').waitFor();
    await key('1');
    await page.getByRole('status').getByText('通话结束：已转人工排队').waitFor();
    await transcript.getByText(/模拟平台：来电已进入排队/).waitFor();
    await expect(page.getByRole('list', { name: '经过的节点' }).innerText()).resolves.toMatch(
      /主菜单（按键 1）[\s\S]*人工服务时间[\s\S]*转人工/,
    );
    await log.visit(page, 'ivr-05-test-call-agent');

    await page.getByRole('button', { name: '开始试拨' }).click();
    await key('2');
    await transcript.getByText(/市长信箱请按1/).waitFor();
    await key('3');
    await transcript.getByText('请输入八位受理编号，按井号键结束。').waitFor();
    await log.visit(page, 'ivr-06-test-call-status-query');
    await page.getByRole('button', { name: /^挂\s*断$/ }).click();
    await page.getByRole('status').getByText('通话结束：来电人挂断').waitFor();

    // Outside the hours the new node speaks before the off-hours menu.
    await page.getByText('模拟工作时间内来电').click();
    await page.getByRole('button', { name: '开始试拨' }).click();
    await key('1');
    await transcript.getByText(/现在是非工作时间/).waitFor();
    await transcript.getByText('留言请按1，自助服务请按2。').waitFor();
    await page.getByRole('button', { name: /^挂\s*断$/ }).click();
  });

  it('refuses a publish begun on a version someone else replaced, and overwrites nothing', async () => {
    const { page, platform } = session;
    await node(page, 'main-menu').click();
    await field(page, '名称').fill('主菜单（本人修改）');
    // Meanwhile another administrator publishes version 2.
    const other = await apiAs(platform.url, 'city-admin');
    const current = await other.get<IvrFlowView>('/api/telephony/flows/main');
    await other.post('/api/telephony/flows/publish', {
      commandId: randomUUID(),
      baseVersion: current.version,
      flow: { ...current.flow, name: '12345 主流程（他人修改）' },
    });
    await publishButton(page).click();
    await page.getByText('他人已发布了更新的流程版本；您的修改未发布，也没有覆盖对方的版本').waitFor();
    await log.visit(page, 'ivr-07-stale-refused');
    const after = await other.get<IvrFlowView>('/api/telephony/flows/main');
    expect(after).toMatchObject({ version: 2, flow: { name: '12345 主流程（他人修改）' } });
    expect(after.flow.nodes['main-menu']?.title).toBe('主菜单');
    await other.dispose();
    await page.getByRole('button', { name: '载入最新版本' }).click();
    await page.getByText(/第 2 版/).waitFor();
  });

  it('lets the supervisor set the live announcement, which the flowchart and the test call show', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'supervisor', '/');
    await page.goto(url('/supervisor'));
    // The demo city's storm of its last hour stands as a surge banner with proposed words: one click.
    const banner = page
      .getByRole('alert')
      .filter({ hasText: /突发聚集预警：/ })
      .first();
    await banner.getByRole('button', { name: '设为来电播报' }).click();
    const playing = page.getByRole('alert').filter({ hasText: '所有来电人在菜单前都会听到：' });
    await playing.getByText(/您好，我们已收到大量市民关于/).waitFor();

    await page.getByLabel('播报内容（中文）').fill(OUTAGE);
    await page
      .getByLabel('播报内容（英文，可不填）')
      .fill('Parts of Gulou have no power; repairs are under way.');
    await page.getByRole('button', { name: '设置播报' }).click();
    await page
      .locator('.ant-alert', { hasText: OUTAGE })
      .getByText(/播放至 /)
      .waitFor();
    await log.visit(page, 'ivr-08-supervisor-announcement');

    await signIn(page, platform.url, 'city-admin', '/admin');
    await page.goto(url('/admin/ivr'));
    await expect(node(page, 'incident').innerText()).resolves.toContain(`当前播报：${OUTAGE}`);
    await page.getByRole('button', { name: '开始试拨' }).click();
    await page.getByRole('list', { name: '来电人听到的内容' }).getByText(OUTAGE).waitFor();
    await page.getByRole('button', { name: /^挂\s*断$/ }).click();
  });

  it('reads in English', async () => {
    const { page } = session;
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Phone menu (IVR) flow' }).waitFor();
    await node(page, 'main-menu')
      .getByText(/For an agent, press 1/)
      .waitFor();
    await log.visit(page, 'ivr-09-english');
    await page.getByText('中文', { exact: true }).click();
    await signIn(page, session.platform.url, 'supervisor', '/');
    await page.goto(url('/supervisor'));
    await page.getByText('EN', { exact: true }).click();
    await page.getByText('Every caller hears before the menu:').waitFor();
    await log.visit(page, 'ivr-10-supervisor-english');
    await page.getByRole('button', { name: 'Clear the announcement' }).click();
    await page.getByText(/^Nothing is playing/).waitFor();
    await page.getByText('中文', { exact: true }).click();

    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
