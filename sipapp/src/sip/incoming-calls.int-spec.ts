import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IVR_FLOW } from '@hotline/contracts';
import { StubIvrServices } from '@hotline/contracts/src/telephony/ivr-engine/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { IvrCallRunner } from '../calls/ivr-call-runner';
import type { DtmfListener } from '../media/dtmf-listener';
import { ensurePromptFiles } from '../media/prompt-files';
import { RtpengineControl } from '../media/rtpengine-control';
import { RtpCaller } from '../media/testing/rtp-caller';
import { createSipappService } from '../sipapp.module';
import { DrachtioTestPeer } from '../testing/drachtio-test-peer/drachtio-test-peer';
import { listenForDtmfInTurn } from '../testing/dtmf-in-turn';
import { freeUdpPort } from '../testing/free-udp-port';
import { SipTestPhone } from '../testing/sip-test-phone';
import { DrachtioConnection } from './drachtio-connection';
import { answerIncomingCalls } from './incoming-calls';

// The drachtio-server test peer stands in for the server (TELEPHONY.md); srf, rtpengine and SIP are real.
const platformEnv = (dir: string) => ({
  HOTLINE_MODE: 'embedded',
  HOTLINE_DATA_DIR: dir,
  READ_STORE: 'memory',
  LOG_LEVEL: 'warn',
});

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the sipapp behind the drachtio-server test peer with its media engine unreachable', () => {
  let dir: string;
  let peer: DrachtioTestPeer;
  let phone: SipTestPhone;
  let running: RunningServices;
  let platform: Platform;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-sip-'));
    peer = await DrachtioTestPeer.start();
    phone = await SipTestPhone.open();
    platform = await Platform.open('sipapp', loadConfig(platformConfigSchema, platformEnv(dir), 'sipapp'));
    const service = createSipappService({
      env: {
        SIPAPP_TELEPHONY: 'true',
        RTPENGINE_NG: '127.0.0.1:9', // discard: never answers rtpengine's ping
        DRACHTIO_URL: peer.url,
        SIPAPP_DTMF_PORT: String(await freeUdpPort('127.0.0.1')),
        SIPAPP_PROMPT_DIR: join(dir, 'prompts'),
      },
    });
    running = await startServices(platform, [service], { port: 0, host: '127.0.0.1', handleSignals: false });
    await until(() => peer.routes('invite'), 'the sipapp connected to the test peer');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    phone?.close();
    await peer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a call with 503 and Retry-After, and stores nothing of it', async () => {
    const rtp = await RtpCaller.open();
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: rtp.sdp });
    const answer = await call.answered;
    rtp.close();
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('30');
    expect(await platform.eventStore.readStreamOrEmpty(`ivrCall-${call.callId}`)).toEqual([]);
  }, 20_000);

  it('names rtpengine, not drachtio, in /health/ready', async () => {
    const response = await fetch(`${running.url}/health/ready`);
    expect(response.status).toBe(503);
    const text = JSON.stringify(await response.json());
    expect(text).toContain('rtpengine at 127.0.0.1:9 does not answer');
    expect(text).not.toContain('drachtio-server at');
  }, 20_000);
});

// rtpengine is started once per Jest run by scripts/jest/global-setup.js (scripts/jest/rtpengine.js).
const ng = process.env.RTPENGINE_NG;
const describeWithRtpengine = ng ? describe : describe.skip;

describeWithRtpengine('a call through the test peer and a real rtpengine, the IVR on a stub platform', () => {
  let dir: string;
  let peer: DrachtioTestPeer;
  let phone: SipTestPhone;
  let platform: Platform;
  let control: RtpengineControl;
  let dtmf: DtmfListener;
  let connection: DrachtioConnection;
  const services = new StubIvrServices();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-call-'));
    await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
    peer = await DrachtioTestPeer.start();
    phone = await SipTestPhone.open();
    platform = await Platform.open('sipapp', loadConfig(platformConfigSchema, platformEnv(dir), 'sipapp'));
    control = RtpengineControl.at(ng!);
    dtmf = await listenForDtmfInTurn(Number(process.env.RTPENGINE_DTMF_PORT));
    const { eventStore: store, clock, logger } = platform;
    const runner = new IvrCallRunner({
      store,
      clock,
      logger,
      services,
      currentFlow: () => Promise.resolve({ version: 0, flow: DEFAULT_IVR_FLOW }),
    });
    connection = new DrachtioConnection(peer.url, 'cymru', logger);
    answerIncomingCalls({
      srf: connection.srf,
      runner,
      control,
      dtmf,
      promptDir: join(dir, 'prompts'),
      spokenDir: join(dir, 'spoken'),
      logger,
      ready: () => control.ping(),
    });
    connection.start();
    await until(() => connection.isConnected, 'srf connected to the test peer');
  }, 300_000);

  afterAll(async () => {
    connection?.close();
    control?.close();
    await dtmf?.close();
    phone?.close();
    await peer?.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function dial(caller: string) {
    const rtp = await RtpCaller.open();
    const call = phone.call(peer.uri('12345'), { caller, sdp: rtp.sdp });
    const answer = await call.answered;
    expect(answer.status).toBe(200);
    rtp.answered(answer.content ?? '');
    await rtp.talk(100); // the first packets let rtpengine learn the caller's address
    return { call, rtp };
  }

  /** The call's IvrCallEnded, once the runner stored it. */
  async function ended(callId: string) {
    for (let i = 0; i < 100; i++) {
      const [event] = await platform.eventStore.readStreamOrEmpty(`ivrCall-${callId}`);
      if (event) return event.data as { outcome: string; path: Array<{ node: string; digits?: string }> };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`call ${callId} was not stored`);
  }

  it('plays the refusal to a blocked caller and hangs up on them', async () => {
    services.blocked.add('13700001111');
    const { call, rtp } = await dial('13700001111');
    const bye = await call.hungUpByFarEnd;
    expect(bye.headers['call-id']).toBe(call.callId);
    // The refusal prompt reached the caller as RTP (50 packets a second while it plays).
    expect(rtp.received).toBeGreaterThan(50);
    expect(await ended(call.callId)).toMatchObject({ outcome: 'blocked' });
    rtp.close();
  }, 30_000);

  it('takes the caller’s keys through rtpengine, and their BYE ends the call on the caller-left path', async () => {
    const { call, rtp } = await dial('13912345678');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await rtp.press('2'); // during the welcome: kept for the main menu that follows it
    await until(() => rtp.received > 50 * 9, 'the caller heard the welcome and the menus', 20_000);
    expect(await call.bye()).toBe(200);
    expect(await ended(call.callId)).toMatchObject({
      outcome: 'caller-hung-up',
      path: expect.arrayContaining([expect.objectContaining({ node: 'main-menu', digits: '2' })]),
    });
    rtp.close();
  }, 40_000);
});
