import type Srf from 'drachtio-srf';

/** One agent's phone ringing for a waiting caller: answered with a dialog, or refused with a status. */
export interface RingingPhone {
  readonly agentId: string;
  /** The phone's answer (its dialog), or its final status (487 after `cancel`), or 0 when not sent. */
  readonly outcome: Promise<{ dialog: Srf.Dialog } | { status: number; reason?: string }>;
  /** Stops the ringing (CANCEL); an answer already on its way is hung up by whoever takes it. */
  cancel(): void;
}

/**
 * Rings an agent's phone through drachtio-srf (`createUAC`, as the outbound dialer does) with
 * rtpengine's SDP for the far side of the caller's call: once the phone answers, rtpengine takes its
 * SDP and caller and agent hear each other through the caller's own rtpengine call.
 */
export function ringAgent(
  srf: Srf,
  call: {
    agentId: string;
    uri: string;
    sdp: string;
    callerNumber?: string;
    /** More headers for the INVITE (a transfer's case data). */
    headers?: Record<string, string>;
  },
): RingingPhone {
  let invite: Srf.SrfRequest | undefined;
  let cancelled = false;
  const outcome = srf
    .createUAC(
      call.uri,
      {
        localSdp: call.sdp,
        // The agent's phone shows who is calling; the desk shows the same number.
        headers: {
          From: `sip:${call.callerNumber ?? 'anonymous'}@localhost`,
          'Content-Type': 'application/sdp',
          ...call.headers,
        },
      },
      {
        // srf calls it with (error, request), unlike its typings: the INVITE as sent, to cancel.
        cbRequest: ((_error: unknown, sent?: Srf.SrfRequest) => {
          invite = sent;
          if (cancelled) sent?.cancel(() => undefined);
        }) as unknown as (req: Srf.SrfRequest) => void,
      },
    )
    .then(
      (dialog) => ({ dialog }),
      (error: unknown) => {
        const status = (error as { status?: number }).status;
        return status === undefined
          ? { status: 0, reason: error instanceof Error ? error.message : String(error) }
          : { status };
      },
    );
  return {
    agentId: call.agentId,
    outcome,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      invite?.cancel(() => undefined);
    },
  };
}
