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
import { callRecordingWav } from './recording-wav';
import { toneShare, wavSeconds } from '../testing/tone-level';

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

  it('records a whole agent call: the caller before and after the bridge, and the agent, in one WAV', async () => {
    const { caller, media, callId } = await openCall();
    await media.recordCall();
    await caller.tone(600, 440); // the IVR part: the caller alone
    const agent = await RtpCaller.open();
    agent.answered(media.farSideSdp);
    await media.connect(agent.sdp);
    // A tone each way while they talk: the caller at 440 Hz, then the agent at 1,000 Hz.
    await caller.tone(1000, 440);
    await agent.tone(1000, 1000);
    expect(caller.received).toBeGreaterThan(25); // the agent's tone reached the caller through rtpengine
    await media.stopRecordingCall();
    await media.close();
    await pcapOf(callId);
    let wav: Buffer | undefined;
    for (
      const until = Date.now() + 10_000;
      Date.now() < until;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      wav = callRecordingWav(process.env.RTPENGINE_RECORDINGS!, callId);
      if (wav && wavSeconds(wav) > 2.4) break;
    }
    expect(wavSeconds(wav!)).toBeGreaterThan(2.4);
    // The first 1.5 s hold the caller's tone, the last second the agent's; neither holds a tone nobody sent.
    expect(toneShare(wav!, 440, 0.1, 1.5)).toBeGreaterThan(0.5);
    expect(toneShare(wav!, 1000, 0.1, 1.5)).toBeLessThan(0.05);
    const end = wavSeconds(wav!);
    expect(toneShare(wav!, 1000, end - 0.9, end - 0.1)).toBeGreaterThan(0.5);
    expect(toneShare(wav!, 440, end - 0.9, end - 0.1)).toBeLessThan(0.05);
    caller.close();
    agent.close();
  }, 30_000);

  it('keeps a complaint recorded within a recorded call in a file of its own', async () => {
    const { caller, media, callId } = await openCall();
    await media.recordCall();
    await caller.tone(400, 440);
    const recording = media.record({ maxSeconds: 10, terminator: '#' });
    await caller.tone(800, 1000);
    await caller.press('#');
    const ref = await recording;
    await caller.tone(400, 440);
    await media.stopRecordingCall();
    await media.close();
    await pcapOf(callId);
    await new Promise((r) => setTimeout(r, 500));
    const pcaps = readdirSync(join(process.env.RTPENGINE_RECORDINGS!, 'pcaps')).filter((f) =>
      f.startsWith(`${callId}-`),
    );
    expect(pcaps.length).toBeGreaterThanOrEqual(2);
    const whole = callRecordingWav(process.env.RTPENGINE_RECORDINGS!, callId)!;
    expect(wavSeconds(whole)).toBeGreaterThan(1.4);
    expect(ref.seconds).toBeGreaterThan(0.6);
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
