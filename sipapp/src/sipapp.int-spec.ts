import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_IVR_FLOW,
  TELEPHONY_SERVICE,
  commandSubject,
  querySubject,
  systemActor,
  type Actor,
} from '@hotline/contracts';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { firstValueFrom } from 'rxjs';
import { createSipappService } from './sipapp.module';
import { freeUdpPort } from './testing/free-udp-port';

let sequence = 0;

describe('the sipapp on the in-process bus and a SQLite event store', () => {
  let dir: string;
  let platform: Platform;
  let running: RunningServices;
  const send = <T>(subject: string, payload: unknown): Promise<T> =>
    firstValueFrom(platform.client().send<T>(subject, payload));
  const command = (type: string, data: unknown, actor: Actor = systemActor('sipapp-int')) => {
    const commandId = `sipapp-int-${sequence++}`;
    return send(commandSubject(TELEPHONY_SERVICE, type), {
      commandId,
      type,
      data,
      metadata: { correlationId: commandId, actor, districtId: 'city' },
    });
  };
  const flow = () =>
    send<{ version: number; flow: typeof DEFAULT_IVR_FLOW }>(querySubject(TELEPHONY_SERVICE, 'GetIvrFlow'), {
      flowId: 'main',
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-int-'));
    const env = { HOTLINE_MODE: 'embedded', HOTLINE_DATA_DIR: dir, READ_STORE: 'memory', LOG_LEVEL: 'warn' };
    platform = await Platform.open('sipapp', loadConfig(platformConfigSchema, env, 'sipapp'));
    const service = createSipappService({ env: {} });
    running = await startServices(platform, [service], { port: 0, host: '127.0.0.1', handleSignals: false });
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with the shipped flow, then with each published version', async () => {
    expect(await flow()).toMatchObject({ version: 0, flow: { flowId: 'main', start: 'check-blocklist' } });
    const admin: Actor = {
      id: 'user:city-admin',
      role: 'center',
      gatewayRole: 'city-admin',
      name: '市管理员',
    };
    const trial = { ...DEFAULT_IVR_FLOW, name: '12345 主流程（试行）' };
    await command('PublishIvrFlow', { flow: trial, baseVersion: 0 }, admin);
    expect(await flow()).toMatchObject({
      version: 1,
      flow: { name: '12345 主流程（试行）' },
      publishedBy: { name: '市管理员', gatewayRole: 'city-admin' },
      publishedAt: expect.stringMatching(/^\d{4}-/),
    });
    // An edit begun on the shipped default does not overwrite version 1.
    await expect(
      command('PublishIvrFlow', { flow: { ...trial, name: '另一份编辑' }, baseVersion: 0 }, admin),
    ).rejects.toMatchObject({ code: 'IVR_FLOW_VERSION_STALE' });
    expect(await flow()).toMatchObject({ version: 1, flow: { name: '12345 主流程（试行）' } });
  });

  it('answers the live announcement while it plays, and nothing once cleared', async () => {
    const announcement = () => send(querySubject(TELEPHONY_SERVICE, 'GetLiveAnnouncement'), {});
    const supervisor: Actor = {
      id: 'user:supervisor',
      role: 'agent',
      gatewayRole: 'supervisor',
      name: '班长',
    };
    expect(await announcement()).toEqual({});
    await command('SetLiveAnnouncement', { text: { 'zh-CN': '鼓楼区停电，正在抢修。' } }, supervisor);
    expect(await announcement()).toMatchObject({
      text: { 'zh-CN': '鼓楼区停电，正在抢修。' },
      setBy: { name: '班长', gatewayRole: 'supervisor' },
    });
    await command('ClearLiveAnnouncement', {}, supervisor);
    expect(await announcement()).toEqual({});
  });

  it('refuses an invalid flow naming the node and reason, and stores nothing', async () => {
    const broken = {
      ...DEFAULT_IVR_FLOW,
      nodes: {
        ...DEFAULT_IVR_FLOW.nodes,
        'main-menu': { ...DEFAULT_IVR_FLOW.nodes['main-menu']!, onFail: 'gone' },
      },
    };
    await expect(command('PublishIvrFlow', { flow: broken, baseVersion: 1 })).rejects.toMatchObject({
      code: 'IVR_FLOW_INVALID',
      message: expect.stringContaining('node main-menu: dead end, "fail" goes to gone'),
    });
    expect((await flow()).version).toBe(1);
  });

  it('takes an outbound survey call once per call id', async () => {
    const survey = {
      callId: 'survey-int-1',
      purpose: 'survey',
      number: '13800138000',
      message: '您好，这里是12345回访。',
      answers: { '1': 'satisfied' },
    };
    await command('PlaceOutboundCall', survey);
    await command('PlaceOutboundCall', survey);
    const events = await platform.eventStore.readStream('outboundCall-survey-int-1');
    expect(events.map((e) => e.type)).toEqual(['OutboundCallRequested']);
  });
});

describe('the sipapp with telephony on and its media engine and drachtio-server unreachable', () => {
  let dir: string;
  let running: RunningServices;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-ready-'));
    const env = { HOTLINE_MODE: 'embedded', HOTLINE_DATA_DIR: dir, READ_STORE: 'memory', LOG_LEVEL: 'warn' };
    const platform = await Platform.open('sipapp', loadConfig(platformConfigSchema, env, 'sipapp'));
    // Port 9 (discard) answers neither rtpengine's ping nor a TCP connection.
    const service = createSipappService({
      env: {
        SIPAPP_TELEPHONY: 'true',
        RTPENGINE_NG: '127.0.0.1:9',
        DRACHTIO_URL: '127.0.0.1:9',
        SIPAPP_DTMF_PORT: String(await freeUdpPort('127.0.0.1')),
        SIPAPP_PROMPT_DIR: join(dir, 'prompts'),
      },
    });
    running = await startServices(platform, [service], { port: 0, host: '127.0.0.1', handleSignals: false });
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so in /health/ready (503), naming rtpengine and drachtio', async () => {
    const response = await fetch(`${running.url}/health/ready`);
    expect(response.status).toBe(503);
    const text = JSON.stringify(await response.json());
    expect(text).toContain('rtpengine at 127.0.0.1:9 does not answer');
    expect(text).toContain('drachtio-server at 127.0.0.1:9 is unreachable');
  }, 20_000);
});
