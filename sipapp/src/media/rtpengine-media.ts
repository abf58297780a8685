import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CallerHungUp,
  type BridgeTarget,
  type CollectOptions,
  type IvrMedia,
  type MediaItem,
  type PlayOptions,
  type PromptLanguage,
  type RecordingRef,
} from '@hotline/contracts';
import type { DtmfListener } from './dtmf-listener';
import { promptPath, speak } from './prompt-files';
import { callPcapNames, recordingWav } from './recording-wav';
import type { RtpengineControl } from './rtpengine-control';
import { IVR_TAG, negotiate, PLACEHOLDER_SDP } from './rtpengine-sdp';

export interface RtpengineCallOptions {
  control: RtpengineControl;
  dtmf: DtmfListener;
  callId: string;
  /** The caller's From-tag: rtpengine plays to the party of this tag. */
  fromTag: string;
  promptDir: string;
  /** Where spoken texts (the live announcement) and replayed recordings are cached as WAV. */
  spokenDir: string;
  /** rtpengine's `--recording-dir`: a caller's recording is replayed from its pcap; absent: not replayed. */
  recordingDir?: string;
  /** Bridges the caller elsewhere (the SIP side); absent: bridging is refused. */
  bridge?: (target: BridgeTarget) => Promise<'caller' | 'callee'>;
  /** Ends the SIP dialog (BYE). */
  hangup?: () => Promise<void>;
  /** The hold music (a WAV file): looped while the caller waits or is held; absent: the hold prompt. */
  holdMusic?: string;
}

/** rtpengine's label of the called phone's leg in an outbound call: the prompts play to it. */
const CALLEE_TAG = 'callee';

/** An outbound call's media before the callee answers. */
export interface OutboundOffer {
  /** rtpengine's SDP: the offer in the INVITE. */
  sdp: string;
  /** The callee's SDP answer: the media port of the call (rejects when rtpengine refuses it). */
  answered(calleeSdp: string): Promise<RtpengineMedia>;
  /** The call did not happen: nothing is left on rtpengine. */
  abandon(): Promise<void>;
}

/**
 * The media port on rtpengine for one call: a one-legged call (offer with the caller's SDP, answer
 * with a placeholder), prompts with `play media` (timed by the duration rtpengine replies with: 10.5
 * sends no "finished" event), keys from the DTMF log, recordings as pcap (pcap-to-wav.ts).
 */
export class RtpengineMedia implements IvrMedia {
  /**
   * rtpengine's SDP for the far side of the caller's call (its offer toward the IVR's leg): an agent's
   * phone is rung with it, and its answer joins the agent to the caller with no second rtpengine call.
   */
  farSideSdp = '';
  /** The far side's answer while an agent is joined (a re-INVITE of the caller keeps them joined). */
  private joined: string | undefined;
  private readonly keys: string[] = [];
  private keyWaiter: (() => void) | undefined;
  private gone = false;
  /** The whole call is being recorded (from the answer): a complaint's recording pauses it. */
  private recordingCall = false;
  /** The hold music loops under the prompts: a prompt interrupts it and it starts again after. */
  private music: PromptLanguage | undefined;
  /** Ends the wait of the prompt playing now (`cutPrompt`); set only while one plays. */
  private cut: (() => void) | undefined;
  private promptCut = false;
  private goneWaiters: Array<() => void> = [];
  private readonly onKey = (digit: string) => {
    this.keys.push(digit);
    this.keyWaiter?.();
  };

  private constructor(private readonly options: RtpengineCallOptions) {
    options.dtmf.on(options.callId, this.onKey);
  }

  /** Sets the call up on rtpengine: returns the media object and the SDP to answer the caller with. */
  static async open(
    options: RtpengineCallOptions,
    callerSdp: string,
    host = '127.0.0.1',
  ): Promise<{ media: RtpengineMedia; sdp: string }> {
    try {
      const { sdp, farSide } = await negotiate(options, callerSdp, host);
      const media = new RtpengineMedia(options);
      media.farSideSdp = farSide;
      return { media, sdp };
    } catch (error) {
      // Half set up (the offer taken, the answer refused): nothing is left on rtpengine.
      await options.control
        .send('delete', { 'call-id': options.callId, 'from-tag': options.fromTag })
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * An outbound call (the dialer, a UAC): rtpengine offers for the IVR's placeholder, and its SDP goes in
   * the INVITE; the callee's answer completes the call (`answered`) and the media plays to the callee.
   * The tags are rtpengine's own labels of the two legs (no SIP tag is known before the INVITE).
   */
  static async offerOutbound(
    options: Omit<RtpengineCallOptions, 'fromTag'>,
    host = '127.0.0.1',
  ): Promise<OutboundOffer> {
    const flags = { 'call-id': options.callId, 'from-tag': IVR_TAG };
    const offer = await options.control.send('offer', { ...flags, sdp: PLACEHOLDER_SDP(host, 'sendrecv') });
    const forget = () =>
      options.control.send('delete', { 'call-id': options.callId }).then(
        () => undefined,
        () => undefined,
      );
    return {
      sdp: String(offer.sdp),
      answered: async (calleeSdp) => {
        try {
          await options.control.send('answer', { ...flags, 'to-tag': CALLEE_TAG, sdp: calleeSdp });
        } catch (error) {
          await forget();
          throw error;
        }
        return new RtpengineMedia({ ...options, fromTag: CALLEE_TAG });
      },
      abandon: forget,
    };
  }

  /**
   * The caller's new offer in the call (a re-INVITE: hold with a=sendonly, resume, a new address):
   * offered and answered again on rtpengine; returns rtpengine's SDP to answer the caller with.
   */
  async renegotiate(callerSdp: string, host = '127.0.0.1'): Promise<string> {
    if (this.gone) throw new CallerHungUp();
    const { sdp, farSide } = await negotiate(this.options, callerSdp, host, this.joined);
    this.farSideSdp = farSide;
    return sdp;
  }

  /**
   * Joins the far side's phone (an agent's, answered with `farSideSdp`) to the caller: rtpengine takes
   * its SDP as the answer for the IVR's leg, so each hears the other; prompts still play to the caller.
   */
  async connect(farSdp: string): Promise<void> {
    await this.stopMusic();
    await this.ng('answer', { 'to-tag': IVR_TAG, sdp: farSdp });
    this.joined = farSdp;
  }

  /** The far side left: the IVR's placeholder answers for it again, the caller hears only prompts. */
  async disconnect(host = '127.0.0.1'): Promise<void> {
    if (this.joined === undefined || this.gone) return;
    this.joined = undefined;
    await this.ng('answer', { 'to-tag': IVR_TAG, sdp: PLACEHOLDER_SDP(host, 'sendrecv') });
  }

  /**
   * The agent put the caller on hold: the agent's side is blocked (the caller hears nothing of them)
   * and the hold prompt plays to the caller over and over until `resume`.
   */
  async hold(language: PromptLanguage): Promise<void> {
    await this.ng('blockMedia', { 'from-tag': IVR_TAG });
    await this.startMusic(language);
  }

  async resume(): Promise<void> {
    await this.stopMusic();
    await this.ng('unblockMedia', { 'from-tag': IVR_TAG });
  }

  /**
   * The hold music (the city's file, or the hold prompt without one) loops to the caller until
   * `stopMusic`; prompts played meanwhile (the queue position) interrupt it, and it starts again after.
   */
  async startMusic(language: PromptLanguage): Promise<void> {
    this.music = language;
    await this.loopMusic();
  }

  async stopMusic(): Promise<void> {
    if (this.music === undefined) return;
    this.music = undefined;
    await this.ng('stopMedia', {}).catch(() => undefined);
  }

  /**
   * An agent answered while a prompt (the position) plays: it stops now and the rest of that play is
   * skipped, so the flow goes on to the agent's number at once instead of waiting out the prompt.
   */
  async cutPrompt(): Promise<void> {
    this.promptCut = true;
    this.cut?.();
    await this.ng('stopMedia', {}).catch(() => undefined);
  }

  private async loopMusic(): Promise<void> {
    const language = this.music;
    if (language === undefined || this.gone) return;
    const file = this.options.holdMusic ?? promptPath(this.options.promptDir, language, 'please-hold');
    await this.ng('playMedia', { file, 'repeat-times': 1_000 });
  }

  /** Keys pressed while talking to an agent are no answer to the question after. */
  forgetKeys(): void {
    this.keys.length = 0;
  }

  /** The SIP side saw the caller leave (BYE or CANCEL): every wait ends with CallerHungUp. */
  callerLeft(): void {
    this.gone = true;
    for (const wake of this.goneWaiters.splice(0)) wake();
    this.keyWaiter?.();
  }

  async play(items: readonly MediaItem[], options: PlayOptions): Promise<string | undefined> {
    try {
      return await this.playItems(items, options);
    } finally {
      // rtpengine plays one file at a time: the music the prompt interrupted starts again.
      if (this.music !== undefined) await this.loopMusic().catch(() => undefined);
    }
  }

  private async playItems(items: readonly MediaItem[], options: PlayOptions): Promise<string | undefined> {
    if (options.interruptible && this.keys.length > 0) return this.keys.shift();
    this.promptCut = false;
    for (const item of items) {
      if (this.promptCut) return undefined;
      const file = await this.fileOf(item, options);
      if (file === undefined) continue;
      const reply = await this.ng('playMedia', { file });
      const ms = Number(reply.duration ?? 0);
      const key = await this.waitFor(ms, options.interruptible, true);
      if (key !== undefined) {
        await this.ng('stopMedia', {}).catch(() => undefined);
        return key;
      }
    }
    return undefined;
  }

  async collectDigits(options: CollectOptions): Promise<string> {
    let digits = '';
    while (digits.length < options.maxDigits) {
      const key = await this.waitFor(options.timeoutMs, true);
      if (key === undefined) break;
      if (key === options.terminator) break;
      digits += key;
    }
    return digits;
  }

  /**
   * Records the whole call from now until it ends (rtpengine's pcap of every stream: the caller, and an
   * agent once joined); `callRecordingWav` reads it back. The SIP side starts it at the answer.
   */
  async recordCall(): Promise<void> {
    await this.ng('startRecording', {});
    this.recordingCall = true;
  }

  /** The whole call's recording ends (before the call is deleted, so rtpengine closes the file). */
  async stopRecordingCall(): Promise<void> {
    if (!this.recordingCall) return;
    this.recordingCall = false;
    // Sent after the caller left as well: the call is still on rtpengine until `close`.
    await this.options.control
      .send('stopRecording', { 'call-id': this.options.callId, 'from-tag': this.options.fromTag })
      .catch(() => undefined);
  }

  /** rtpengine's files of this call so far (none without a recording directory). */
  private pcapNames(): string[] {
    return this.options.recordingDir ? callPcapNames(this.options.recordingDir, this.options.callId) : [];
  }

  /** The call's own id on rtpengine: its pcaps are named by it. */
  get rtpengineCallId(): string {
    return this.options.callId;
  }

  async record(options: { maxSeconds: number; terminator: '#' }): Promise<RecordingRef> {
    const started = Date.now();
    // The complaint is a file of its own (the newest pcap, `recordingWav`): the call's recording is
    // closed for it and started again after, and the call's WAV mixes all its files.
    if (this.recordingCall) await this.ng('stopRecording', {});
    // The complaint's file is the one this start adds: the call's own recording, started again after,
    // adds another, so "the newest file of the call" would be the wrong one by the time it is kept.
    const before = new Set(this.pcapNames());
    await this.ng('startRecording', {});
    let own: string | undefined;
    try {
      for (;;) {
        const left = options.maxSeconds * 1000 - (Date.now() - started);
        if (left <= 0) break;
        const key = await this.waitFor(left, true);
        if (key === undefined || key === options.terminator) break;
      }
    } finally {
      if (!this.gone) await this.ng('stopRecording', {}).catch(() => undefined);
      own = this.pcapNames().find((name) => !before.has(name));
      if (!this.gone && this.recordingCall) await this.ng('startRecording', {}).catch(() => undefined);
    }
    return {
      id: own ? own.slice(0, -'.pcap'.length) : this.options.callId,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  }

  bridge(target: BridgeTarget): Promise<'caller' | 'callee'> {
    if (!this.options.bridge) return Promise.reject(new Error('this call cannot be bridged (no SIP side)'));
    return this.options.bridge(target);
  }

  async hangup(): Promise<void> {
    await this.close();
    await this.options.hangup?.();
  }

  untilHangup(): Promise<never> {
    return new Promise<never>((_resolve, reject) => {
      if (this.gone) reject(new CallerHungUp());
      else this.goneWaiters.push(() => reject(new CallerHungUp()));
    });
  }

  /** Deletes the call on rtpengine and stops listening for its keys. */
  async close(): Promise<void> {
    this.options.dtmf.off(this.options.callId, this.onKey);
    await this.options.control
      .send('delete', { 'call-id': this.options.callId, 'from-tag': this.options.fromTag })
      .catch(() => undefined);
  }

  private ng(command: Parameters<RtpengineControl['send']>[0], extra: Record<string, unknown>) {
    if (this.gone) return Promise.reject(new CallerHungUp());
    return this.options.control.send(command, {
      'call-id': this.options.callId,
      'from-tag': this.options.fromTag,
      ...extra,
    });
  }

  /** A key within `ms` (when keys count), else undefined once the time is up; rejects when the caller left. */
  private waitFor(ms: number, takeKey: boolean, cuttable = false): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const finish = (value: string | undefined) => {
        clearTimeout(timer);
        this.keyWaiter = undefined;
        if (cuttable) this.cut = undefined;
        if (this.gone) reject(new CallerHungUp());
        else resolve(value);
      };
      const timer = setTimeout(() => finish(undefined), ms);
      if (cuttable) this.cut = () => finish(undefined);
      this.keyWaiter = () => {
        if (this.gone) finish(undefined);
        else if (takeKey && this.keys.length > 0) finish(this.keys.shift());
      };
      this.keyWaiter();
    });
  }

  /** The caller's recording as a WAV file to play (recording-wav.ts). */
  private recordingFile(recording: RecordingRef): string | undefined {
    const wav = this.options.recordingDir && recordingWav(this.options.recordingDir, recording);
    if (!wav) return undefined;
    const file = join(this.options.spokenDir, `recording-${recording.id}.wav`);
    writeFileSync(file, wav);
    return file;
  }

  private async fileOf(item: MediaItem, options: PlayOptions): Promise<string | undefined> {
    if ('prompt' in item) return promptPath(this.options.promptDir, options.language, item.prompt);
    mkdirSync(this.options.spokenDir, { recursive: true });
    if ('recording' in item) return this.recordingFile(item.recording);
    const file = join(this.options.spokenDir, `${options.language}-${hash(item.text)}.wav`);
    if (!existsSync(file)) await speak(item.text, options.language, file);
    return file;
  }
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}
