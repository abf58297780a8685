import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { apiAs, ScreenLog, signIn } from './console-steps';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

/**
 * Web chat end to end, in Chinese, with two browsers: a citizen on the portal and the agent at the
 * desk. The agent goes ready, the citizen's chat is offered through the router, answered, messages
 * cross both ways, the case is registered from the chat's transcript and the agent wraps up.
 */
describe('A web chat from the portal to the desk [browser: Debian chromium, two contexts]', () => {
  let platform: RunningPlatform;
  let citizenBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let agentBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let citizen: Page;
  let agent: Page;
  const files = mkdtempSync(join(tmpdir(), 'hotline-console-web-chat-'));
  const log = new ScreenLog();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    platform = await startPlatformWithOwnConsole(files);
    // The demo seat also answers the demo's waiting calls; as a web-chat seat (网上咨询专席) it
    // is offered the citizen's chat first.
    const admin = await apiAs(platform.url, 'city-admin');
    await admin.put('/api/routing/agents/user:agent/profile', {
      commandId: randomUUID(),
      skills: { 'lang.cmn': 5 },
      queues: [{ queueId: 'web-chat', tier: 1, position: 0, weight: 1 }],
      chatCapacity: 3,
    });
    await admin.dispose();
    citizenBrowser = await launchBrowser({ width: 390, height: 844, isMobile: true });
    agentBrowser = await launchBrowser();
    citizen = await citizenBrowser.context.newPage();
    agent = await agentBrowser.context.newPage();
    log.watch(citizen);
    log.watch(agent);
    // A screen that throws goes blank: say which and why, not only that a text never came.
    citizen.on('pageerror', (error) => pageErrors.push(`citizen: ${error.message}`));
    agent.on('pageerror', (error) => pageErrors.push(`agent: ${error.message}`));
  }, 300_000);

  afterAll(async () => {
    await citizenBrowser?.close();
    await agentBrowser?.close();
    await platform?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('offers the citizen’s chat to the ready agent, carries messages both ways and registers the case from it', async () => {
    await signIn(agent, platform.url, 'agent', '/desk');
    const panel = agent.getByLabel('坐席状态');
    await panel.getByRole('button', { name: '签入' }).click();
    await panel.getByRole('button', { name: '示闲' }).click();
    await panel.getByText('空闲，等待来电').waitFor();

    await citizen.goto(`${platform.url}/portal/submit`);
    await citizen.getByRole('link', { name: '在线咨询人工客服' }).click();
    await citizen.getByLabel('您想咨询或反映什么？').fill('我家楼下的路灯坏了一个星期，晚上很黑，怎么处理？');
    await citizen.getByLabel('姓名（可选）').fill('林女士');
    await citizen.getByLabel('联系电话（可选）').fill('13905911234');
    await citizen.getByRole('button', { name: '开始咨询' }).click();
    await citizen.getByText('我家楼下的路灯坏了一个星期').waitFor();

    // Offered through the router's chat queue, with the caller's number as the screen pop.
    await panel.getByText('网上咨询接入').waitFor();
    await panel.getByText('网上咨询', { exact: true }).first().waitFor();
    await log.visit(agent, 'chat-01-agent-offered');
    await panel.getByRole('button', { name: '接听' }).click();
    const chat = agent.getByLabel('网上咨询对话');
    await chat.getByText('我家楼下的路灯坏了一个星期').waitFor();
    await citizen.getByText('客服已接入，请直接对话').waitFor();

    await chat.getByLabel('输入消息').fill('您好，请问路灯在哪个小区、哪栋楼附近？');
    await chat
      .getByRole('button', { name: '发 送' })
      .or(chat.getByRole('button', { name: '发送' }))
      .click();
    await citizen.getByText('您好，请问路灯在哪个小区、哪栋楼附近？').waitFor();
    await citizen.getByLabel('输入消息').fill('鼓楼区幸福小区3号楼北门');
    await citizen.getByLabel('输入消息').press('Enter');
    await chat.getByText('鼓楼区幸福小区3号楼北门').waitFor();
    await log.visit(citizen, 'chat-02-citizen-talking');

    // The case from the chat: the transcript fills the form's content.
    await chat.getByRole('button', { name: '以对话内容填写受理单' }).click();
    await agent.waitForFunction(() =>
      [...document.querySelectorAll('textarea')].some((box) =>
        box.value.includes('市民：鼓楼区幸福小区3号楼北门'),
      ),
    );
    expect(await agent.getByLabel('诉求内容').inputValue()).toContain('客服：您好，请问路灯在哪个小区');
    await agent.getByRole('button', { name: '采用建议' }).click();
    await log.visit(agent, 'chat-03-agent-form-from-chat');
    await agent.getByRole('button', { name: '受理并登记' }).click();
    await agent.getByText(/工单号：\d{8}/).waitFor();
    await citizen.getByText(/已为您登记工单，工单号：\d{8}/).waitFor();

    await panel.getByRole('button', { name: '结束对话' }).click();
    await panel.getByText(/话后处理剩余/).waitFor();
    await citizen.getByText('本次咨询已结束，感谢您的反映').waitFor();
    await log.visit(citizen, 'chat-04-citizen-ended');
    await panel.getByRole('button', { name: '结束话后处理' }).click();
    await panel.getByText('空闲，等待来电').waitFor();
    await log.visit(agent, 'chat-05-agent-wrapped-up');
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
