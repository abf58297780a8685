import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallerHungUp } from '@hotline/contracts';
import { listenForDtmfInTurn } from '../testing/dtmf-in-turn';
import type { DtmfListener } from './dtmf-listener';
import { ensurePromptFiles } from './prompt-files';
import { RtpengineControl } from './rtpengine-control';
import { RtpengineMedia } from './rtpengine-media';
import { RtpCaller } from './testing/rtp-caller';

// rtpengine is started once per Jest run by scripts/jest/global-setup.js (scripts/jest/rtpengine.js).
const ng = process.env.RTPENGINE_NG;
const describeWithRtpengine = ng ? describe : describe.skip;

/** Whether rtpengine wrote the call's pcap, waited for: it writes the file a moment after the stream ends (longer at load). */
async function pcapOf(callId: string): Promise<boolean> {
  const pcaps = join(process.env.RTPENGINE_RECORDINGS!, 'pcaps');
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (existsSync(pcaps) && readdirSync(pcaps).some((f) => f.startsWith(callId))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithRtpengine('the rtpengine media port against a real rtpengine', () => {
  let dir: string;
  let control: RtpengineControl;
  let dtmf: DtmfListener;
  let calls = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-media-'));
    await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
    control = RtpengineControl.at(ng!);
    dtmf = await listenForDtmfInTurn(Number(process.env.RTPENGINE_DTMF_PORT));
  }, 300_000);

  afterAll(async () => {
    control?.close();
    await dtmf?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openCall() {
    const caller = await RtpCaller.open();
    const callId = `media-int-${process.pid}-${calls++}`;
    const { media, sdp } = await RtpengineMedia.open(
      {
        control,
        dtmf,
        callId,
        fromTag: 'caller',
        promptDir: join(dir, 'prompts'),
        spokenDir: join(dir, 'spoken'),
        recordingDir: process.env.RTPENGINE_RECORDINGS,
      },
      caller.sdp,
    );
    caller.answered(sdp);
    return { caller, media, callId };
  }

  it('answers rtpengine ping (readiness)', async () => {
    expect(await control.ping()).toBe(true);
    expect(await RtpengineControl.at('127.0.0.1:9', 300).ping()).toBe(false);
  });

  it('plays a prompt the caller receives for its whole length', async () => {
    const { caller, media } = await openCall();
    await caller.talk(100); // the caller's first packets let rtpengine learn its address
    const started = Date.now();
    await media.play([{ prompt: 'welcome' }], { language: 'zh-CN', interruptible: false });
    const elapsed = Date.now() - started;
    // espeak-ng's welcome is about 3-6 s; 50 RTP packets a second reach the caller while it plays.
    expect(elapsed).toBeGreaterThan(2000);
    expect(caller.received).toBeGreaterThan((elapsed / 20) * 0.6);
    await media.close();
    caller.close();
  }, 30_000);

  it('stops a prompt at the first key and collects the keys after it', async () => {
    const { caller, media } = await openCall();
    await caller.talk(60);
    const playing = media.play([{ prompt: 'self-service-menu' }], { language: 'zh-CN', interruptible: true });
    await new Promise((r) => setTimeout(r, 800));
    await caller.press('2');
    expect(await playing).toBe('2');
    const collecting = media.collectDigits({ maxDigits: 8, timeoutMs: 3000, terminator: '#' });
    for (const key of '2600#') await caller.press(key);
    expect(await collecting).toBe('2600');
    await media.close();
    caller.close();
  }, 30_000);

  it('records what the caller says until # into a pcap', async () => {
    const { caller, media, callId } = await openCall();
    const recording = media.record({ maxSeconds: 10, terminator: '#' });
    await caller.talk(1500);
    await caller.press('#');
    const ref = await recording;
    expect(ref.seconds).toBeGreaterThan(1.4);
    await media.close();
    await expect(pcapOf(callId)).resolves.toBe(true);
    caller.close();
  }, 30_000);

  it('replays the caller’s recording to them, converted from its pcap', async () => {
    const { caller, media, callId } = await openCall();
    const recording = media.record({ maxSeconds: 10, terminator: '#' });
    await caller.talk(1500);
    await caller.press('#');
    const ref = await recording;
    await pcapOf(callId);
    const before = caller.received;
    const started = Date.now();
    await media.play([{ recording: ref }], { language: 'zh-CN', interruptible: false });
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(caller.received - before).toBeGreaterThan(1.4 * 50 * 0.6);
    await media.close();
    caller.close();
  }, 30_000);

  it('ends every wait with CallerHungUp once the caller left', async () => {
    const { caller, media } = await openCall();
    const waiting = media.collectDigits({ maxDigits: 8, timeoutMs: 10_000 });
    media.callerLeft();
    await expect(waiting).rejects.toBeInstanceOf(CallerHungUp);
    await expect(media.untilHangup()).rejects.toBeInstanceOf(CallerHungUp);
    await media.close();
    caller.close();
  });
});
