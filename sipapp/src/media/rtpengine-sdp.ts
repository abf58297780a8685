import type { RtpengineControl } from './rtpengine-control';

/** The tag rtpengine knows the IVR's own leg by (the placeholder answerer, or the outbound offerer). */
export const IVR_TAG = 'ivr';

/** The IVR's own SDP where no phone answers for it: port 9, nothing is sent there. */
export const PLACEHOLDER_SDP = (host: string, direction: string) =>
  `v=0\r\no=- 1 1 IN IP4 ${host}\r\ns=ivr\r\nc=IN IP4 ${host}\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=${direction}\r\n`;

/** The IVR's answer to the caller's direction (RFC 3264 6.1): a caller on hold (sendonly) is received only. */
const ANSWER_DIRECTION: Record<string, string> = {
  sendonly: 'recvonly',
  recvonly: 'sendonly',
  inactive: 'inactive',
  sendrecv: 'sendrecv',
};

/** The caller's media direction: the audio line's attribute, else the session's, else sendrecv. */
function directionOf(sdp: string): string {
  const audio = sdp.slice(Math.max(0, sdp.search(/^m=audio /m)));
  const pick = (text: string) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(text)?.[1];
  return pick(audio) ?? pick(sdp.slice(0, Math.max(0, sdp.search(/^m=/m)))) ?? 'sendrecv';
}

/**
 * Offer with the caller's SDP, answer with the IVR's placeholder: rtpengine's SDP for the caller, and
 * its offer for the far side (what an agent's phone is rung with).
 */
export async function negotiate(
  options: { control: RtpengineControl; callId: string; fromTag: string },
  callerSdp: string,
  host: string,
  joined?: string,
): Promise<{ sdp: string; farSide: string }> {
  const flags = { 'call-id': options.callId, 'from-tag': options.fromTag };
  const offer = await options.control.send('offer', {
    ...flags,
    sdp: callerSdp,
    replace: ['origin', 'session-connection'],
  });
  const answer = await options.control.send('answer', {
    ...flags,
    'to-tag': IVR_TAG,
    sdp: joined ?? PLACEHOLDER_SDP(host, ANSWER_DIRECTION[directionOf(callerSdp)] ?? 'sendrecv'),
  });
  return { sdp: String(answer.sdp), farSide: String(offer.sdp) };
}
