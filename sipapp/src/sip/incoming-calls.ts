import { SpanKind } from '@opentelemetry/api';
import type Srf from 'drachtio-srf';
import type { CallRecording } from '@hotline/contracts';
import { withSpan, type Logger } from '@hotline/infra/telemetry';
import type { AgentCalls } from '../agents/agent-calls';
import { platformCallId } from '../calls/call-id';
import type { IvrCallRunner } from '../calls/ivr-call-runner';
import type { RecordingArchive } from '../calls/recording-archive';
import type { DtmfListener } from '../media/dtmf-listener';
import { RtpengineError, type RtpengineControl } from '../media/rtpengine-control';
import { RtpengineMedia } from '../media/rtpengine-media';

export interface IncomingCallsDeps {
  srf: Srf;
  runner: IvrCallRunner;
  control: RtpengineControl;
  dtmf: DtmfListener;
  promptDir: string;
  spokenDir: string;
  /** rtpengine's recording directory, for replaying a caller's recording to them. */
  recordingDir?: string;
  logger: Logger;
  /** Whether a new call may be answered now (the media engine answers); otherwise 503. */
  ready: () => Promise<boolean>;
  /** How long a call rings (180 Ringing) before it is answered; 0 answers at once. */
  ringMs?: number;
  /** Callers queued for an agent: offers ring the agents' phones, the answer bridges them. */
  agents?: AgentCalls;
  /** Every answered call is recorded whole and kept here at its end; absent: calls are not recorded. */
  recordings?: RecordingArchive;
  /** The hold music looped to waiting and held callers (SIPAPP_HOLD_MUSIC or the one made with sox). */
  holdMusic?: string;
}

/**
 * The drachtio-srf application: each INVITE is set up on rtpengine (offer/answer), rings for `ringMs`,
 * is answered with rtpengine's SDP and run through the current IVR flow. An INVITE without a Contact or
 * From-tag → 400, an SDP rtpengine cannot take → 488, not ready → 503, and nothing stored; a CANCEL
 * during setup or ringing leaves the caller with the 487 and deletes the call on rtpengine; a re-INVITE
 * (hold, resume) is negotiated again on rtpengine and answered 200 with its SDP; the caller's BYE ends
 * the call on the runner's caller-left path. One trace per call from the INVITE on: the bus requests the
 * flow makes carry it.
 */
export function answerIncomingCalls(deps: IncomingCallsDeps): void {
  deps.srf.invite((req, res) => {
    answer(deps, req, res).catch((error: unknown) => {
      deps.logger.error({ err: error, callId: req.get('Call-ID') }, 'incoming call failed');
      if (!res.finalResponseSent) res.send(500);
    });
  });
}

async function answer(deps: IncomingCallsDeps, req: Srf.SrfRequest, res: Srf.SrfResponse): Promise<void> {
  const callId = req.get('Call-ID');
  // Listened to from the start: a CANCEL during rtpengine's setup must not be lost.
  let cancelled = false;
  let onCancel: () => void = () => undefined;
  req.on('cancel', () => {
    cancelled = true;
    onCancel();
  });
  await withSpan(
    'sip INVITE',
    { 'sip.method': 'INVITE', 'hotline.call_id': callId },
    async (span) => {
      const refusal = invalidInvite(req);
      if (refusal !== undefined) {
        deps.logger.warn({ callId, reason: refusal.reason }, 'call refused: the INVITE is malformed');
        span.setAttribute('sip.status_code', refusal.status);
        res.send(refusal.status, refusal.reason, {});
        return;
      }
      if (!(await deps.ready())) {
        deps.logger.warn({ callId }, 'call refused: the media engine is not ready');
        span.setAttribute('sip.status_code', 503);
        res.send(503, { headers: { 'Retry-After': '30' } });
        return;
      }
      let dialog: Srf.Dialog | undefined;
      let connected = false;
      const hangUp = () => {
        if (!connected || dialog === undefined) return Promise.resolve();
        connected = false;
        const ending = dialog;
        return new Promise<void>((resolve) => ending.destroy(undefined, () => resolve()));
      };
      const platformId = platformCallId(callId);
      const agents = deps.agents;
      const opened = await RtpengineMedia.open(
        {
          control: deps.control,
          dtmf: deps.dtmf,
          callId,
          fromTag: String(req.getParsedHeader('from').params?.tag ?? ''),
          promptDir: deps.promptDir,
          spokenDir: deps.spokenDir,
          recordingDir: deps.recordingDir,
          hangup: hangUp,
          ...(deps.holdMusic ? { holdMusic: deps.holdMusic } : {}),
          ...(agents ? { bridge: (target) => agents.bridge(platformId, target) } : {}),
        },
        req.body,
      ).catch((error: unknown) => {
        // rtpengine answered with an error: it cannot take this SDP (488); no answer at all: 503.
        const status = error instanceof RtpengineError ? 488 : 503;
        deps.logger.warn({ err: error, callId, status }, 'call refused: rtpengine could not set it up');
        return status;
      });
      if (typeof opened === 'number') {
        span.setAttribute('sip.status_code', opened);
        if (!cancelled) res.send(opened);
        return;
      }
      const { media, sdp } = opened;
      let release: (() => Promise<void>) | undefined;
      try {
        if (cancelled) return;
        if (deps.ringMs) {
          res.send(180);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, deps.ringMs);
            onCancel = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (cancelled) return; // the caller has the 487; the finally deletes the call on rtpengine
        }
        dialog = await deps.srf.createUAS(req, res, { localSdp: sdp }).catch(() => undefined);
        if (dialog === undefined) return; // cancelled while answering: the caller has the 487
        connected = true;
        span.setAttribute('sip.status_code', 200);
        const inCall = dialog;
        inCall.on('destroy', () => {
          connected = false;
          media.callerLeft();
        });
        inCall.on('modify', (reinvite: Srf.SrfRequest, answer: Srf.SrfResponse) => {
          renegotiate(deps, media, inCall, reinvite, answer);
        });
        const callerNumber = callerNumberOf(req);
        release = agents?.hold(platformId, media, callerNumber);
        const report = await deps.runner.run({
          callId: platformId,
          callerNumber,
          media,
          ...(await recordWholeCall(deps, media, callId)),
        });
        span.setAttribute('hotline.ivr.outcome', report.outcome);
        await hangUp();
      } finally {
        await release?.();
        await media.close();
      }
    },
    SpanKind.SERVER,
  );
}

/**
 * The call is recorded from the answer (the IVR part, then both sides once an agent is joined); at the
 * flow's end the recording is stopped and kept, and its reference goes on the call's `IvrCallEnded`.
 * A recording rtpengine refuses to start leaves the call unrecorded (logged), never unanswered.
 */
async function recordWholeCall(
  deps: IncomingCallsDeps,
  media: RtpengineMedia,
  callId: string,
): Promise<{ finishRecording?: () => Promise<CallRecording | undefined> }> {
  const archive = deps.recordings;
  if (archive === undefined) return {};
  try {
    await media.recordCall();
  } catch (error) {
    deps.logger.warn({ err: error, callId }, 'the call could not be recorded');
    return {};
  }
  return {
    finishRecording: async () => {
      await media.stopRecordingCall();
      // The flow is over: the call leaves rtpengine now, which closes its pcaps (a stop alone may not).
      await media.close();
      return archive.keepCall(media.rtpengineCallId);
    },
  };
}

/**
 * A re-INVITE in the call (hold with a=sendonly, resume with a=sendrecv): rtpengine takes the new
 * offer and its answer goes back in the 200; an SDP it refuses → 488 and the call goes on as it was.
 */
function renegotiate(
  deps: IncomingCallsDeps,
  media: RtpengineMedia,
  dialog: Srf.Dialog,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): void {
  const callId = req.get('Call-ID');
  const problem = sdpProblem(req);
  if (problem !== undefined) {
    deps.logger.warn({ callId, reason: problem }, 're-INVITE refused: its SDP is malformed');
    res.send(488, problem, {});
    return;
  }
  media.renegotiate(req.body).then(
    (sdp) => {
      dialog.local.sdp = sdp;
      res.send(200, { body: sdp, headers: { 'Content-Type': 'application/sdp' } });
    },
    (error: unknown) => {
      deps.logger.warn({ err: error, callId }, 're-INVITE refused: rtpengine could not take it');
      res.send(error instanceof RtpengineError ? 488 : 500);
    },
  );
}

/** What makes an INVITE unanswerable before any media is set up: 400 for headers, 488 for the SDP. */
function invalidInvite(req: Srf.SrfRequest): { status: 400 | 488; reason: string } | undefined {
  if (!req.has('Contact')) return { status: 400, reason: 'Missing Contact header' };
  if (!req.getParsedHeader('from').params?.tag) return { status: 400, reason: 'Missing From tag' };
  const problem = sdpProblem(req);
  return problem === undefined ? undefined : { status: 488, reason: problem };
}

/** Why the request's SDP cannot set up audio: no SDP, no connection address, no audio line with a port. */
function sdpProblem(req: Srf.SrfRequest): string | undefined {
  const body = req.body ?? '';
  if (!/^application\/sdp\b/i.test(req.get('Content-Type') ?? '') || !/^v=0\s*$/m.test(body))
    return 'No SDP offer';
  if (!/^c=IN IP[46] \S+\s*$/m.test(body)) return 'SDP without a connection address';
  if (!/^m=audio [1-9][0-9]* RTP\/S?AVP( [0-9]{1,3})+\s*$/m.test(body)) return 'SDP without an audio stream';
  return undefined;
}

/** The caller's number from the From URI's user part; anything else is an anonymous caller. */
function callerNumberOf(req: Srf.SrfRequest): string | undefined {
  const user = /^sips?:([^@;]+)@/.exec(req.getParsedHeader('from').uri)?.[1];
  return user !== undefined && /^\+?[0-9]{3,20}$/.test(user) ? user : undefined;
}
