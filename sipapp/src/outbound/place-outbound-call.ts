import type Srf from 'drachtio-srf';
import {
  CallerHungUp,
  digitPromptKeys,
  type MediaItem,
  type OutboundCallRequested,
  type CallRecording,
  type OutboundOutcome,
} from '@hotline/contracts';
import type { Logger } from '@hotline/infra/telemetry';
import type { z } from 'zod';
import type { RecordingArchive } from '../calls/recording-archive';
import type { DtmfListener } from '../media/dtmf-listener';
import type { RtpengineControl } from '../media/rtpengine-control';
import { RtpengineMedia, type OutboundOffer } from '../media/rtpengine-media';

export type RequestedCall = z.infer<typeof OutboundCallRequested.schema>;

export interface PlaceOutboundCallDeps {
  srf: Srf;
  control: RtpengineControl;
  dtmf: DtmfListener;
  promptDir: string;
  spokenDir: string;
  /** Where the INVITE goes: `sip:<number>@<gateway>` (the trunk or SBC, host:port). */
  gateway: string;
  /** The number the callee sees (From user). */
  callerId: string;
  /** The longest a phone rings, whatever the request asks. */
  maxRingSeconds: number;
  /** Silence after the question before it is asked again. */
  keyTimeoutMs: number;
  /** Times the question is asked when no key, or a key with no answer, comes. */
  keyAttempts: number;
  /** Milliseconds for durations (the platform clock). */
  now: () => number;
  logger: Logger;
  /** An answered call is recorded whole and kept here; absent: not recorded. */
  recordings?: RecordingArchive;
}

/** How a placed call ended, as `ReportOutboundCallOutcome` takes it. */
export interface OutboundCallResult {
  outcome: OutboundOutcome;
  answer?: string;
  answers?: Record<string, string>;
  sipStatus?: number;
  ringSeconds?: number;
  talkSeconds?: number;
  reason?: string;
  recording?: CallRecording;
}

/**
 * Places one requested call as a UAC through drachtio-srf: rtpengine offers (its SDP in the INVITE),
 * the phone rings for the request's ring time (then CANCEL), the answer's SDP completes the media,
 * the message is played (digit runs read by the digit prompts, as the IVR reads case numbers), a
 * survey's key is collected (asked again after silence or a key with no answer), and the call is
 * hung up. Every path ends with one result: answered (with the answer or answers), busy, no-answer, rejected
 * or failed, with the SIP status and the durations.
 */
export async function placeOutboundCall(
  deps: PlaceOutboundCallDeps,
  call: RequestedCall,
): Promise<OutboundCallResult> {
  // rtpengine's key for the call (its media and its keys in the DTMF log): the platform's call id,
  // known before the INVITE gets its SIP Call-ID.
  let offer: OutboundOffer;
  try {
    offer = await RtpengineMedia.offerOutbound({
      control: deps.control,
      dtmf: deps.dtmf,
      callId: `out-${call.callId}`,
      promptDir: deps.promptDir,
      spokenDir: deps.spokenDir,
    });
  } catch (error) {
    return { outcome: 'failed', reason: `the media engine did not set the call up: ${messageOf(error)}` };
  }
  const started = deps.now();
  const seconds = (from: number) => Math.round((deps.now() - from) / 100) / 10;
  const ringMs = Math.min(call.ringSeconds, deps.maxRingSeconds) * 1000;
  let invite: Srf.SrfRequest | undefined;
  let ringTimeout = false;
  const cancel = () => invite?.cancel(() => undefined);
  const timer = setTimeout(() => {
    ringTimeout = true;
    cancel();
  }, ringMs);
  let dialog: Srf.Dialog;
  try {
    dialog = await deps.srf.createUAC(
      `sip:${call.number}@${deps.gateway}`,
      {
        localSdp: offer.sdp,
        headers: { From: `sip:${deps.callerId}@localhost`, 'Content-Type': 'application/sdp' },
      },
      {
        // srf calls it with (error, request), unlike its typings: the INVITE as sent, to cancel.
        cbRequest: ((_error: unknown, sent?: Srf.SrfRequest) => {
          invite = sent;
          if (ringTimeout) cancel();
        }) as unknown as (req: Srf.SrfRequest) => void,
      },
    );
  } catch (error) {
    await offer.abandon();
    const status = (error as { status?: number }).status;
    return {
      ...(status === undefined
        ? { outcome: 'failed' as const, reason: `the INVITE was not sent: ${messageOf(error)}` }
        : { ...outcomeOfStatus(status, ringTimeout), sipStatus: status }),
      ringSeconds: seconds(started),
    };
  } finally {
    clearTimeout(timer);
  }
  const ringSeconds = seconds(started);
  const answeredAt = deps.now();
  const hungUp = new Promise<void>((resolve) => dialog.on('destroy', () => resolve()));
  let farEndLeft = false;
  void hungUp.then(() => (farEndLeft = true));
  const media = await offer.answered(dialog.remote.sdp).catch((error: unknown) => error as Error);
  if (media instanceof Error) {
    await new Promise<void>((resolve) => dialog.destroy(undefined, () => resolve()));
    return {
      outcome: 'failed',
      sipStatus: 200,
      ringSeconds,
      reason: `the media engine refused the answer: ${media.message}`,
    };
  }
  void hungUp.then(() => media.callerLeft());
  const recorded = await recordAnswered(deps, media, call.callId);
  const answered: Pick<OutboundCallResult, 'answer' | 'answers'> = {};
  try {
    await converse(media, call, deps, answered);
  } catch (error) {
    if (!(error instanceof CallerHungUp))
      deps.logger.warn({ err: error, callId: call.callId }, 'outbound call broke off');
  } finally {
    if (recorded) await media.stopRecordingCall();
    await media.close();
    if (!farEndLeft) await new Promise<void>((resolve) => dialog.destroy(undefined, () => resolve()));
  }
  const talkSeconds = seconds(answeredAt);
  const recording = recorded
    ? await deps.recordings?.keepCall(media.rtpengineCallId).catch((error: unknown) => {
        deps.logger.error({ err: error, callId: call.callId }, 'the call recording could not be kept');
        return undefined;
      })
    : undefined;
  return {
    outcome: 'answered',
    ...answered,
    sipStatus: 200,
    ringSeconds,
    talkSeconds,
    ...(recording ? { recording } : {}),
  };
}

/** Records the answered call from now on (when recordings are kept); false when rtpengine refused (logged). */
async function recordAnswered(
  deps: PlaceOutboundCallDeps,
  media: RtpengineMedia,
  callId: string,
): Promise<boolean> {
  if (deps.recordings === undefined) return false;
  try {
    await media.recordCall();
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, callId }, 'the outbound call could not be recorded');
    return false;
  }
}

/**
 * What the callee hears and presses: a survey asks its question until a key with an answer (or the
 * attempts run out) and thanks; a poll reads the message, then asks each question in turn (a question
 * left unanswered is passed) and thanks; a notice is read twice. The answers go into `heard` as they
 * come, so a callee who hangs up halfway leaves the ones given.
 */
async function converse(
  media: RtpengineMedia,
  call: RequestedCall,
  deps: PlaceOutboundCallDeps,
  heard: Pick<OutboundCallResult, 'answer' | 'answers'>,
): Promise<void> {
  const language = call.language;
  const say = (items: MediaItem[]) => media.play(items, { language, interruptible: false });
  const message = spokenMessage(call.message);
  if (call.purpose === 'survey' && call.questions !== undefined) {
    await say(message);
    const answers: Record<string, string> = (heard.answers = {});
    for (const question of call.questions) {
      const answer = await ask(media, spokenMessage(question.message), question.answers, call, deps);
      if (answer !== undefined) answers[question.id] = answer;
    }
    await say([{ prompt: Object.keys(answers).length > 0 ? 'thank-you-rating' : 'goodbye' }]);
    return;
  }
  if (call.purpose === 'survey' && call.answers !== undefined) {
    const answer = await ask(media, message, call.answers, call, deps);
    if (answer !== undefined) heard.answer = answer;
    await say([{ prompt: answer !== undefined ? 'thank-you-rating' : 'goodbye' }]);
    return;
  }
  await say([...message, ...message]);
}

/** One question: asked until a key with an answer comes, at most `keyAttempts` times. */
async function ask(
  media: RtpengineMedia,
  question: MediaItem[],
  answers: Partial<Record<string, string>>,
  call: RequestedCall,
  deps: PlaceOutboundCallDeps,
): Promise<string | undefined> {
  const language = call.language;
  for (let attempt = 1; attempt <= deps.keyAttempts; attempt++) {
    const key =
      (await media.play(question, { language, interruptible: true })) ??
      (await media.collectDigits({ maxDigits: 1, timeoutMs: deps.keyTimeoutMs }));
    const answer = answers[key];
    if (answer !== undefined) return answer;
    if (attempt < deps.keyAttempts)
      await media.play([{ prompt: key === '' ? 'no-input' : 'invalid-choice' }], {
        language,
        interruptible: false,
      });
  }
  return undefined;
}

/** The message as the IVR speaks it: text by the voice, runs of three or more digits by the digit prompts. */
export function spokenMessage(message: string): MediaItem[] {
  return message
    .split(/([0-9]{3,})/)
    .filter((part) => part.trim() !== '')
    .flatMap((part): MediaItem[] =>
      /^[0-9]+$/.test(part) ? digitPromptKeys(part).map((prompt) => ({ prompt })) : [{ text: part }],
    );
}

/**
 * A final status other than 2xx: busy (486 Busy Here, 600 Busy Everywhere), not answered (480, 408,
 * or 487 after our CANCEL at the ring timeout), rejected (603 Decline, 403), anything else failed.
 */
export function outcomeOfStatus(
  status: number,
  ringTimeout: boolean,
): { outcome: OutboundOutcome; reason?: string } {
  if (status === 486 || status === 600) return { outcome: 'busy' };
  if (status === 480 || status === 408) return { outcome: 'no-answer' };
  if (status === 487)
    return ringTimeout
      ? { outcome: 'no-answer', reason: 'cancelled at the ring timeout' }
      : { outcome: 'failed', reason: 'cancelled' };
  if (status === 603 || status === 403) return { outcome: 'rejected' };
  return { outcome: 'failed', reason: `the call was refused with ${status}` };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
