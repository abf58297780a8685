import { SpanKind } from '@opentelemetry/api';
import type Srf from 'drachtio-srf';
import { withSpan, type Logger } from '@hotline/infra/telemetry';
import { platformCallId } from '../calls/call-id';
import type { IvrCallRunner } from '../calls/ivr-call-runner';
import type { DtmfListener } from '../media/dtmf-listener';
import type { RtpengineControl } from '../media/rtpengine-control';
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
}

/**
 * The drachtio-srf application: each INVITE is set up on rtpengine (offer/answer), answered with
 * rtpengine's SDP and run through the current IVR flow. Not ready → 503 and nothing stored; a CANCEL
 * during setup or the caller's BYE ends the call on the runner's caller-left path. One trace per call
 * from the INVITE on: the bus requests the flow makes carry it.
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
  req.on('cancel', () => (cancelled = true));
  await withSpan(
    'sip INVITE',
    { 'sip.method': 'INVITE', 'hotline.call_id': callId },
    async (span) => {
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
        },
        req.body,
      ).catch((error: unknown) => {
        deps.logger.warn({ err: error, callId }, 'call refused: rtpengine could not set it up');
        return undefined;
      });
      if (opened === undefined) {
        span.setAttribute('sip.status_code', 503);
        res.send(503);
        return;
      }
      const { media, sdp } = opened;
      try {
        if (cancelled) return;
        dialog = await deps.srf.createUAS(req, res, { localSdp: sdp }).catch(() => undefined);
        if (dialog === undefined) return; // cancelled while answering: the caller has the 487
        connected = true;
        span.setAttribute('sip.status_code', 200);
        dialog.on('destroy', () => {
          connected = false;
          media.callerLeft();
        });
        const report = await deps.runner.run({
          callId: platformCallId(callId),
          callerNumber: callerNumberOf(req),
          media,
        });
        span.setAttribute('hotline.ivr.outcome', report.outcome);
        await hangUp();
      } finally {
        await media.close();
      }
    },
    SpanKind.SERVER,
  );
}

/** The caller's number from the From URI's user part; anything else is an anonymous caller. */
function callerNumberOf(req: Srf.SrfRequest): string | undefined {
  const user = /^sips?:([^@;]+)@/.exec(req.getParsedHeader('from').uri)?.[1];
  return user !== undefined && /^\+?[0-9]{3,20}$/.test(user) ? user : undefined;
}
