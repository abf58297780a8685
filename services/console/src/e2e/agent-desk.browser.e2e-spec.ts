import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { chooseOption, ScreenLog, signIn } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

/**
 * The agent's panel on the desk, in Chinese, against the demo city's router (its queues and the
 * three callers waiting when the city opens): log in, not ready with a reason, ready, the ringing
 * call with the caller's history, answer, hold, hang up, after-call work; the supervisor posts a
 * bulletin the desk shows, sees the agent's states change live and monitors the call.
 */
interface StoredRouting {
  queues: Array<{
    queueId: string;
    tierRules: unknown;
    maxLength?: number;
    alarmWaitSeconds?: number;
    overflow?: unknown;
  }>;
  agents: Array<{ agentId: string; queues: Array<{ queueId: string; tier: number }> }>;
  settings: { priorityCallers: Array<{ number: string; priority: number }>; notReadyReasons?: string[] };
}

/** The router's settings as stored, read (with the page's session) until `done` holds; 60 s at most. */
async function storedRouting(page: Page, url: string, done: (now: StoredRouting) => boolean) {
  for (const deadline = Date.now() + 60_000; ;) {
    const now = (await (await page.request.get(`${url}/api/routing/settings`)).json()) as StoredRouting;
    if (done(now)) return now;
    if (Date.now() > deadline) throw new Error(`routing settings never matched: ${JSON.stringify(now)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('The agent panel on the desk [browser: Debian chromium]', () => {
  let platform: RunningPlatform;
  let agentBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let supervisorBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let agent: Page;
  let supervisor: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-agent-desk-'));
  const log = new ScreenLog();

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    agentBrowser = await launchBrowser();
    supervisorBrowser = await launchBrowser();
    agent = await agentBrowser.context.newPage();
    supervisor = await supervisorBrowser.context.newPage();
    log.watch(agent);
    log.watch(supervisor);
  }, 300_000);

  afterAll(async () => {
    await agentBrowser?.close();
    await supervisorBrowser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('walks an agent from log-in through a call to after-call work while the supervisor watches', async () => {
    await signIn(supervisor, platform.url, 'supervisor', '/');
    await supervisor.goto(`${platform.url}/supervisor`);
    await supervisor.getByRole('cell', { name: '粤语专席' }).waitFor();
    await supervisor.getByLabel('公告内容').fill('鼓楼区因线路检修停电，预计18时恢复，来电请如实告知');
    await supervisor.getByText('紧急', { exact: true }).click();
    await supervisor.getByRole('button', { name: '发布到全部坐席' }).click();
    // The bulletin in the list under the form (the form's box may still hold the words a moment).
    await supervisor
      .locator('span')
      .filter({ hasText: /^鼓楼区因线路检修停电，预计18时恢复，来电请如实告知$/ })
      .waitFor();

    await signIn(agent, platform.url, 'agent', '/desk');
    const panel = agent.getByLabel('坐席状态');
    await panel.getByText('已签出').waitFor();
    await panel.getByText('班长公告 · 紧急：鼓楼区因线路检修停电').waitFor();
    await log.visit(agent, 'agent-01-logged-out-with-bulletin');

    await panel.getByRole('button', { name: '签入' }).click();
    await panel.getByRole('button', { name: '示忙' }).click();
    await agent.getByRole('menuitem', { name: '培训' }).click();
    await panel.getByText('示忙：培训').waitFor();
    await log.visit(agent, 'agent-02-not-ready-training');
    const row = supervisor.getByRole('row', { name: /^演示坐席\s/ });
    await row.getByText('示忙 · 培训').waitFor();

    // Ready: the first caller waiting in 综合受理 rings at once, with the caller's earlier cases.
    await panel.getByRole('button', { name: '示闲' }).click();
    await panel.getByText('来电振铃').waitFor();
    await panel.getByText('综合受理').waitFor();
    await panel.getByText('来电历史').waitFor();
    await log.visit(agent, 'agent-03-ringing-screen-pop');
    await row.getByText('振铃').waitFor();

    await panel.getByRole('button', { name: '接听' }).click();
    await panel.getByText('通话时长').waitFor();
    // The intake form opens with the caller's number looked up.
    await agent.waitForFunction(
      () => document.querySelector<HTMLInputElement>('#desk-caller-phone')?.value !== '',
    );
    await row.getByText('通话中').waitFor();
    await row.getByRole('button', { name: /^监\s*听$/ }).click();
    await row.getByRole('button', { name: '退出监听' }).waitFor();
    await log.visit(supervisor, 'agent-04-supervisor-monitoring');

    await panel.getByRole('button', { name: '保持' }).click();
    await panel.getByText('保持中').first().waitFor();
    await panel.getByRole('button', { name: '恢复通话' }).click();
    // 转接 to an outside number: the unit's duty phone with the case number and summary that go with the call.
    await panel.getByRole('button', { name: '转接' }).click();
    await agent.getByRole('radio', { name: '外线号码' }).check();
    await agent.getByLabel('电话号码').fill('0591 8888 0000');
    await agent.getByLabel('随通话发送的工单号（可选）').fill('2600001');
    await agent.getByLabel('工单摘要（可选）').fill('小区停水三天，请水务局跟进');
    await agent
      .getByRole('button', { name: '确 定' })
      .or(agent.getByRole('button', { name: '确定' }))
      .click();
    await agent.getByText('工单号为 8 至 16 位数字').waitFor(); // refused before anything is sent
    await log.visit(agent, 'agent-05a-transfer-to-unit');
    await agent
      .getByRole('button', { name: '取 消' })
      .or(agent.getByRole('button', { name: '取消' }))
      .click();
    await panel.getByRole('button', { name: '三方通话' }).click();
    await agent.getByLabel('电话号码').fill('0591 8888 0000');
    await agent.getByLabel('名称（可选）').fill('鼓楼区住建局');
    await agent
      .getByRole('button', { name: '确 定' })
      .or(agent.getByRole('button', { name: '确定' }))
      .click();
    await panel.getByText('通话中的其他方：鼓楼区住建局').waitFor();
    await log.visit(agent, 'agent-05-three-way');

    await panel.getByRole('button', { name: '挂机' }).click();
    await panel.getByText(/话后处理剩余/).waitFor();
    await log.visit(agent, 'agent-06-after-call-work');
    await row.getByText('话后处理').waitFor();
    await panel.getByRole('button', { name: '结束话后处理' }).click();

    // The next caller rings; declining passes it on.
    await panel.getByText('来电振铃').waitFor();
    await panel.getByRole('button', { name: '拒接' }).click();
    await panel.getByText('空闲，等待来电').waitFor();
    await log.visit(supervisor, 'agent-07-wallboard');
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });

  it("lets the city administrator edit queues, seats and the router's rules as data", async () => {
    const admin = supervisor;
    const save = () =>
      admin
        .getByRole('button', { name: /保\s*存/ })
        .last()
        .click();
    await signIn(admin, platform.url, 'city-admin', '/admin');
    await admin.goto(`${platform.url}/admin/routing`);
    await admin.getByRole('heading', { name: '话务路由设置' }).waitFor();
    const queueRow = admin.getByRole('row', { name: /^综合受理\s/ });
    await queueRow.getByText('最长空闲优先').waitFor();
    await queueRow.getByText('回拨名单').waitFor();
    await admin
      .getByRole('row', { name: /^粤语专席\s/ })
      .getByText('粤语 3')
      .waitFor();
    await log.visit(admin, 'agent-08-routing-settings');

    // A queue: after-call work, a second tier rule (each tier once: the form says which and why),
    // a queue limit and overflow to an outside number (a wrong number is refused with the rule).
    await queueRow.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('话后处理（秒）').fill('45');
    await dialog.getByRole('button', { name: '添加梯队规则' }).click();
    await dialog.getByLabel('梯队').last().fill('2');
    await dialog.getByText('第 2 梯队已设置过，每个梯队只设一次').first().waitFor();
    await dialog.getByLabel('梯队').last().fill('3');
    await dialog.getByLabel('等待超过').last().fill('120');
    await dialog.getByLabel('最多排队数').fill('300');
    await dialog.getByLabel('最长等待告警（秒）').fill('90');
    await chooseOption(admin, dialog.getByLabel('溢出到'), '外线号码');
    await dialog.getByLabel('外线号码').fill('12');
    await save();
    await dialog.getByText('号码须为 3–20 位数字，可带 + 号').waitFor();
    await log.visit(admin, 'agent-09-routing-queue-refused');
    await dialog.getByLabel('外线号码').fill('02088886666');
    await save();
    await queueRow.getByRole('cell', { name: '45', exact: true }).waitFor();
    await queueRow.getByText('外线 02088886666').waitFor();

    // The skill catalogue: a line of business named by the administrator, shown by its name after.
    const skills = admin.getByTestId('skill-catalogue');
    await skills
      .getByRole('row', { name: /^粤语\s/ })
      .getByText('队列：粤语专席')
      .waitFor();
    await skills.getByRole('button', { name: '新增技能' }).click();
    const define = admin.getByRole('dialog', { name: '新增技能' });
    await define.getByLabel('技能标识').fill('biz.housing');
    await define.getByLabel('中文名称').fill('住房保障');
    await define.getByLabel('英文名称').fill('Housing');
    await define.getByRole('button', { name: /保\s*存/ }).click();
    await define.waitFor({ state: 'hidden' });
    await skills
      .getByRole('row', { name: /^住房保障\s/ })
      .getByText('未使用')
      .waitFor();

    // A seat: a dialect level, a second-tier place in the Cantonese queue, the new skill chosen by name.
    const seat = admin.getByRole('row', { name: /^agent\s/ });
    await seat.getByText('粤语 4').waitFor();
    await seat.getByRole('button', { name: /编\s*辑/ }).click();
    await admin.getByLabel('闽南话水平（0–10，0 为不会）').fill('3');
    await admin.getByLabel('在“粤语专席”中的梯队（1 为立即可接）').fill('2');
    await admin.getByRole('button', { name: '添加技能' }).click();
    await chooseOption(admin, admin.getByLabel('技能', { exact: true }).last(), '住房保障');
    await admin.getByLabel('水平', { exact: true }).last().fill('6');
    await log.visit(admin, 'agent-09-routing-seat-skill-by-name');
    // The seat's phone: a bare extension is refused with an example of a SIP address.
    await admin.getByLabel('坐席话机（SIP 地址）').fill('8001');
    await admin.getByText('请填写 SIP 地址，例如 sip:8001@10.0.0.5:5060').waitFor();
    await admin.getByLabel('坐席话机（SIP 地址）').fill('sip:8001@10.0.0.5:5060');
    await admin.getByLabel('工号（来电人会听到）').fill('1024');
    await save();
    await seat.getByText(/住房保障 6/).waitFor();
    await seat.getByText(/闽南话 3/).waitFor();
    await seat.getByText('粤语专席（第 2 梯队）').waitFor();
    await seat.getByRole('button', { name: /编\s*辑/ }).click();
    expect(await admin.getByLabel('坐席话机（SIP 地址）').inputValue()).toBe('sip:8001@10.0.0.5:5060');
    expect(await admin.getByLabel('工号（来电人会听到）').inputValue()).toBe('1024');
    await admin.getByRole('button', { name: /取\s*消/ }).click();

    // The queue needs it too, chosen by its name in the queue's dialog.
    await queueRow.getByRole('button', { name: /编\s*辑/ }).click();
    const queueDialog = admin.getByRole('dialog');
    await queueDialog.getByRole('button', { name: '添加技能' }).click();
    await chooseOption(admin, queueDialog.getByLabel('技能', { exact: true }).last(), '住房保障');
    await queueDialog.getByLabel('最低水平', { exact: true }).last().fill('2');
    await log.visit(admin, 'agent-09b-routing-queue-skill-by-name');
    await save();
    await queueRow.getByText('住房保障 2').waitFor();

    // A skill in use cannot be removed: the refusal names its queue and its seat by their names.
    const housingRow = skills.getByRole('row', { name: /^住房保障\s/ });
    await housingRow.getByText('队列：综合受理；坐席：演示坐席').waitFor();
    await housingRow.getByRole('button', { name: /删\s*除/ }).click();
    await admin
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await skills
      .getByRole('alert')
      .getByText(
        '技能“住房保障”正在使用，不能删除（队列：综合受理；坐席：演示坐席）。请先从这些队列和坐席中去掉它。',
      )
      .waitFor();
    await log.visit(admin, 'agent-09c-skill-in-use-refused');

    // The care list: a number twice is refused by name; a new one is kept.
    await admin.getByRole('button', { name: '添加优先号码' }).click();
    await admin.getByLabel('来电号码').last().fill('13900001234');
    await admin.getByText('号码 13900001234 已在名单中').waitFor();
    await admin.getByLabel('来电号码').last().fill('13800002222');
    await admin.getByLabel('优先级').last().fill('5');
    // The city's own not-ready reason beside the desk's codes (typed, then Enter).
    await admin.getByLabel('示忙原因').fill('外出走访');
    await admin.getByLabel('示忙原因').press('Enter');
    // The tags' list stays open over the form until closed.
    await admin.getByLabel('示忙原因').press('Escape');
    await admin.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    // The toast of the seat's save may still show: wait on what the router keeps instead.
    const stored = await storedRouting(admin, platform.url, (now) =>
      now.settings.priorityCallers.some((c) => c.number === '13800002222'),
    );
    // The screen shows what was read back once the refresh after the save is done.
    await admin.waitForLoadState('networkidle');
    await admin.locator('.ant-select-selection-item', { hasText: '外出走访' }).waitFor();
    expect(await admin.getByLabel('来电号码').count()).toBe(2);
    await log.visit(admin, 'agent-10-routing-settings-saved');

    const general = stored.queues.find((q) => q.queueId === 'general')!;
    expect(general.tierRules).toEqual([
      { tier: 2, afterSeconds: 60 },
      { tier: 3, afterSeconds: 120 },
    ]);
    expect(general.maxLength).toBe(300);
    expect(general.alarmWaitSeconds).toBe(90);
    expect(general.overflow).toEqual({ kind: 'number', number: '02088886666' });
    const seatQueues = stored.agents.find((a) => a.agentId === 'user:agent')!.queues;
    expect(seatQueues.find((m) => m.queueId === 'yue')?.tier).toBe(2);
    expect(stored.settings.notReadyReasons).toEqual([
      'break',
      'meal',
      'training',
      'meeting',
      'paperwork',
      '外出走访',
    ]);
    expect(stored.settings.priorityCallers).toEqual([
      { number: '13900001234', priority: 3 },
      { number: '13800002222', priority: 5 },
    ]);

    // The supervisor's wallboard names the queue's skills by their names.
    await signIn(admin, platform.url, 'supervisor', '/center');
    await admin.goto(`${platform.url}/supervisor`);
    await admin
      .getByRole('row', { name: /^综合受理\s/ })
      .getByText('住房保障 2')
      .waitFor();
    await log.visit(admin, 'agent-11-wallboard-skill-names');
    // The same in English: the skill by its English name.
    await admin.evaluate(() => localStorage.setItem('hotline.locale', 'en'));
    await admin.reload();
    await admin
      .getByRole('row', { name: /^综合受理\s/ })
      .getByText('Housing 2')
      .waitFor();
    await log.visit(admin, 'agent-11b-wallboard-skill-names-en');
    // Signed in again in Chinese (the sign-in page reads the language too), then the catalogue in English.
    await admin.evaluate(() => localStorage.setItem('hotline.locale', 'zh-CN'));
    await signIn(admin, platform.url, 'city-admin', '/admin');
    await admin.evaluate(() => localStorage.setItem('hotline.locale', 'en'));
    await admin.goto(`${platform.url}/admin/routing`);
    await admin.getByTestId('skill-catalogue').getByText('Housing', { exact: true }).waitFor();
    await log.visit(admin, 'agent-11c-skill-catalogue-en');
    await admin.evaluate(() => localStorage.setItem('hotline.locale', 'zh-CN'));
    expect(log.summary()).toEqual([]);
  });
});
