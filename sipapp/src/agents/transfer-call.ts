import type Srf from 'drachtio-srf';
import { maskPhone, type TransferTarget } from '@hotline/contracts';
import type { Logger } from '@hotline/infra/telemetry';
import { ringAgent, type RingingPhone } from './ring-agent';

/** The trunk an outside number is dialed through (SIPAPP_OUTBOUND_GATEWAY) and the number shown (SIPAPP_CALLER_ID). */
export interface Trunk {
  gateway: string;
  callerId: string;
}

type NumberTarget = Extract<TransferTarget, { kind: 'number' }>;

/**
 * The case that goes with the call, as INVITE headers: `X-Case-Number` (digits, for a unit's PBX
 * or screen that shows one field) and `User-to-User` (RFC 7433, hex of the UTF-8 JSON with the number,
 * the summary and the unit), which passes trunks that drop X- headers.
 */
export function caseHeaders(target: NumberTarget): Record<string, string> {
  if (target.case === undefined) return {};
  const data = {
    caseNumber: target.case.caseNumber,
    ...(target.case.summary ? { summary: target.case.summary } : {}),
    ...(target.label ? { unit: target.label } : {}),
  };
  return {
    'X-Case-Number': target.case.caseNumber,
    'User-to-User': `${Buffer.from(JSON.stringify(data), 'utf8').toString('hex')};encoding=hex`,
  };
}

/** The other end of a caller's bridge: the agent's phone, or the unit's after a transfer. */
export interface FarParty {
  readonly agentId: string;
  /** Resolves when this end is gone (hung up, never answered, or the call to it failed). */
  readonly gone: Promise<void>;
  /** Ends this end's leg (BYE, or CANCEL while it rings). */
  hangUp(): Promise<void>;
}

/** What the transfer needs of the caller's media (RtpengineMedia). */
export interface TransferMedia {
  readonly farSideSdp: string;
  connect(sdp: string): Promise<void>;
  disconnect(): Promise<void>;
  resume(): Promise<void>;
  startMusic(language: 'zh-CN' | 'en'): Promise<void>;
  stopMusic(): Promise<void>;
}

/**
 * A blind transfer to an outside number: the unit's phone is rung through the trunk with rtpengine's
 * far side of the caller's call and the case headers, the caller hearing the hold music meanwhile;
 * its answer takes the agent's place in that same rtpengine call (no second call, as for an agent).
 * Returns the unit's end at once (`gone` resolves when it fails or hangs up); `placed` says whether
 * it should still be connected when it answers (the caller may have hung up meanwhile).
 */
export function transferToNumber(
  deps: { srf: Srf; logger: Logger; trunk?: Trunk },
  call: {
    contactId: string;
    agentId: string;
    target: NumberTarget;
    media: TransferMedia;
    language: 'zh-CN' | 'en';
    placed: (party: FarParty) => boolean;
  },
): FarParty {
  let settle: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => (settle = resolve));
  let ringing: RingingPhone | undefined;
  let dialog: Srf.Dialog | undefined;
  let hungUp = false;
  const party: FarParty = {
    agentId: call.agentId,
    gone,
    hangUp: async () => {
      hungUp = true;
      ringing?.cancel();
      if (dialog) await destroy(dialog);
      settle();
    },
  };
  // A typed number may be anyone's: logs keep it masked (a unit's duty phone is named by its label).
  const log = { contactId: call.contactId, number: maskPhone(call.target.number), unit: call.target.label };
  const dial = async () => {
    // A held caller is unblocked first: the unit must hear them once it answers.
    await call.media.resume().catch(() => undefined);
    // The agent's phone no longer gets the caller's audio while the unit's rings.
    await call.media.disconnect().catch(() => undefined);
    await call.media.startMusic(call.language).catch(() => undefined);
    if (!deps.trunk) {
      deps.logger.error(log, 'transfer to a number failed: no trunk (SIPAPP_OUTBOUND_GATEWAY) to dial it');
      return settle();
    }
    if (hungUp) return settle();
    ringing = ringAgent(deps.srf, {
      agentId: call.agentId,
      uri: `sip:${call.target.number}@${deps.trunk.gateway}`,
      sdp: call.media.farSideSdp,
      callerNumber: deps.trunk.callerId,
      headers: caseHeaders(call.target),
    });
    const outcome = await ringing.outcome;
    if ('status' in outcome) {
      if (!hungUp)
        deps.logger.warn({ ...log, status: outcome.status }, 'the transferred call was not answered');
      await call.media.stopMusic().catch(() => undefined);
      return settle();
    }
    dialog = outcome.dialog;
    outcome.dialog.on('destroy', () => settle());
    if (hungUp || !call.placed(party)) return party.hangUp();
    await call.media.connect(outcome.dialog.remote.sdp);
    deps.logger.info(log, 'the caller was transferred to the number');
  };
  dial().catch((error: unknown) => {
    deps.logger.error({ ...log, err: error }, 'transfer to a number failed');
    void party.hangUp();
  });
  return party;
}

function destroy(dialog: Srf.Dialog): Promise<void> {
  return new Promise((resolve) => dialog.destroy(undefined, () => resolve()));
}
