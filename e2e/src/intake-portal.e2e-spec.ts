import { randomUUID } from 'node:crypto';
import { gatewayService } from '@hotline/gateway';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { createIntakeService, intakeConfigSchema } from '@hotline/intake';
import { loadConfig } from '@hotline/infra/config';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';

describe('Intake through the gateway with the real workflow service [embedded: in-process bus, SQLite]', () => {
  let running: BootedPlatform;
  let agent: SessionHeaders;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}/api/${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...agent, ...init.headers },
    });

  beforeAll(async () => {
    const intake = createIntakeService({ config: loadConfig(intakeConfigSchema, {}, 'intake-e2e') });
    running = await bootPlatform([workflowService, intake, gatewayService]);
    agent = await signIn(running.url, 'agent');
  });
  afterAll(async () => {
    await running.close();
  });

  it('registers a case from a portal submission, with a real case number, and shows it in the caller history', async () => {
    const commandId = randomUUID();
    const response = await fetch(`${running.url}/api/portal/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId,
        caller: { name: '郑女士', phone: '13705918888' },
        content: '投诉：晋安区福新路工地夜间施工噪音扰民，每天夜里十二点还在施工',
      }),
    });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as {
      contactId: string;
      outcome: string;
      caseId: string;
      caseNumber: string;
      reply: string;
    };
    expect(receipt).toMatchObject({
      outcome: 'case-registered',
      caseNumber: expect.stringMatching(/^\d{8}$/),
    });
    expect(receipt.reply).toContain(receipt.caseNumber);

    const again = await fetch(`${running.url}/api/portal/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId,
        caller: { name: '郑女士', phone: '13705918888' },
        content: '投诉：晋安区福新路工地夜间施工噪音扰民，每天夜里十二点还在施工',
      }),
    });
    expect(await again.json()).toMatchObject({
      contactId: receipt.contactId,
      recorded: false,
      caseNumber: receipt.caseNumber,
    });

    const caseView = (await (await api(`cases/${receipt.caseId}`)).json()) as {
      caseNumber: string;
      status: string;
    };
    expect(caseView).toMatchObject({ caseNumber: receipt.caseNumber, status: 'registered' });

    let history: { contacts: Array<{ contactId: string }>; caseIds: string[] } | undefined;
    for (let i = 0; i < 100 && !history?.caseIds.includes(receipt.caseId); i++) {
      const lookup = { method: 'POST', body: JSON.stringify({ phone: '137-0591-8888' }) };
      history = (await (await api('callers/history', lookup)).json()) as typeof history;
    }
    expect(history?.caseIds).toContain(receipt.caseId);
  });

  it('gives an unclear portal submission its case number at once: tracked before the agent registers it, kept by the case', async () => {
    const submitted = await fetch(`${running.url}/api/portal/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: randomUUID(),
        caller: { name: '林女士', phone: '13805913333' },
        content: '您好，有个情况想反映一下，麻烦尽快联系我',
      }),
    });
    const receipt = (await submitted.json()) as {
      contactId: string;
      outcome?: string;
      caseNumber: string;
      reply: string;
    };
    expect(receipt.outcome).toBeUndefined();
    expect(receipt.caseNumber).toMatch(/^\d{8}$/);
    expect(receipt.reply).toContain(receipt.caseNumber);

    const track = (phoneLast4: string) =>
      fetch(`${running.url}/api/public/cases/${receipt.caseNumber}?phoneLast4=${phoneLast4}`);
    expect(await (await track('3333')).json()).toMatchObject({
      caseNumber: receipt.caseNumber,
      status: 'accepted',
    });
    expect((await track('0000')).status).toBe(404);

    const caseId = `case-${randomUUID()}`;
    const registered = await api(`contacts/${receipt.contactId}/register-case`, {
      method: 'POST',
      body: JSON.stringify({ commandId: randomUUID(), caseId, type: 'consult', categoryCode: '010101' }),
    });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({ caseId, caseNumber: receipt.caseNumber });
  });

  it('suggests the open case as a duplicate and counts an agent’s merge as a repeat', async () => {
    const content = '仓山区首山路一带从早上开始停水，自来水到现在还没来，也没有提前通知';
    const first = (await (
      await fetch(`${running.url}/api/portal/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          commandId: randomUUID(),
          caller: { name: '吴先生', phone: '13605917777' },
          content: `投诉：${content}，停水严重影响生活`,
        }),
      })
    ).json()) as { caseId: string; outcome: string };
    expect(first.outcome).toBe('case-registered');

    let suggested: Array<{ caseId: string }> = [];
    for (let i = 0; i < 100 && suggested.length === 0; i++) {
      const found = (await (
        await api('intake/duplicates', {
          method: 'POST',
          body: JSON.stringify({ content, categoryCode: '010301' }),
        })
      ).json()) as { duplicates: Array<{ caseId: string }> };
      suggested = found.duplicates;
    }
    expect(suggested[0]?.caseId).toBe(first.caseId);

    const contactId = `call-${randomUUID()}`;
    await api('contacts', {
      method: 'POST',
      body: JSON.stringify({
        commandId: randomUUID(),
        contactId,
        channel: 'phone',
        caller: { phone: '13905916666' },
        content,
      }),
    });
    const merged = await api(`contacts/${contactId}/merge`, {
      method: 'POST',
      body: JSON.stringify({ commandId: randomUUID(), caseId: first.caseId }),
    });
    const { position } = (await merged.json()) as { position: number };
    const repeats = (await (await api(`cases/${first.caseId}/repeats?minPosition=${position}`)).json()) as {
      repeats: number;
    };
    expect(repeats.repeats).toBe(1);
  });

  it('answers knowledge searches for agents and for the portal, and classifies a text', async () => {
    const agent = (await (
      await api(`knowledge/search?q=${encodeURIComponent('驾照快到期了怎么换')}`)
    ).json()) as { hits: Array<{ articleId: string }> };
    expect(agent.hits[0]?.articleId).toBe('kb-tr-001');
    const portal = (await (
      await fetch(`${running.url}/api/portal/knowledge/search?q=${encodeURIComponent('身份证丢了')}`)
    ).json()) as { hits: Array<{ articleId: string }> };
    expect(portal.hits.slice(0, 3).map((h) => h.articleId)).toContain('kb-hr-005');
    const suggestion = (await (
      await api('intake/classification', {
        method: 'POST',
        body: JSON.stringify({ content: '有人持刀抢劫' }),
      })
    ).json()) as { emergency?: { service: string } };
    expect(suggestion.emergency?.service).toBe('110');
  });

  it('answers 400 naming the header or the field when a request is malformed', async () => {
    const noActor = await fetch(`${running.url}/api/callers/history`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13705918888' }),
    });
    expect(noActor.status).toBe(401);
    expect(await noActor.json()).toMatchObject({ error: { code: 'AUTH_UNAUTHENTICATED' } });
    const badPhone = await api('callers/history', {
      method: 'POST',
      body: JSON.stringify({ phone: '12345' }),
    });
    expect(await badPhone.json()).toMatchObject({ error: { kind: 'validation', field: 'phone' } });
  });
});
