import { randomBytes, randomUUID } from 'node:crypto';
import * as sip from 'sip';
import { freeUdpPort } from './free-udp-port';

/**
 * A TEST DOUBLE of a phone's signalling: a UAC on the `sip` stack (real SIP over UDP, on a loopback
 * address of its own) that places calls, acknowledges, cancels and hangs up, answers the far end's BYE
 * with 200 and keeps what it received. No media: a test pairs it with `RtpCaller` or uses baresip.
 */
export class SipTestPhone {
  private readonly calls = new Map<string, PhoneCall>();
  private stack!: sip.SipStack;

  private constructor(
    readonly address: string,
    readonly port: number,
  ) {}

  static async open(address = '127.0.0.3'): Promise<SipTestPhone> {
    const phone = new SipTestPhone(address, await freeUdpPort(address));
    phone.stack = sip.create(
      {
        address,
        port: phone.port,
        udp: true,
        tcp: false,
        // Responses are taken as received: the stack's client transaction turns a 503 into a retry.
        logger: { recv: (message) => phone.onReceived(message) },
      },
      (request) => phone.onRequest(request),
    );
    return phone;
  }

  /** Sends an INVITE from `caller` (the From user, the caller's number) with the SDP offer. */
  call(uri: string, options: { caller: string; sdp: string }): PhoneCall {
    const callId = randomUUID();
    const self = `sip:${options.caller}@${this.address}:${this.port}`;
    const invite: sip.SipMessage = {
      method: 'INVITE',
      uri,
      headers: {
        to: { uri, params: {} },
        from: { uri: self, params: { tag: randomBytes(4).toString('hex') } },
        'call-id': callId,
        cseq: { method: 'INVITE', seq: 1 },
        contact: [{ uri: self, params: {} }],
        'content-type': 'application/sdp',
        'max-forwards': '70',
      },
      content: options.sdp,
    };
    const call = new PhoneCall(this.stack, invite);
    this.calls.set(callId, call);
    return call;
  }

  close(): void {
    this.stack.destroy();
  }

  private onReceived(message: sip.SipMessage): void {
    if (message.status !== undefined && message.headers.cseq?.method === 'INVITE')
      this.calls.get(message.headers['call-id'] ?? '')?.inviteResponse(message);
  }

  private onRequest(request: sip.SipMessage): void {
    const call = this.calls.get(request.headers['call-id'] ?? '');
    if (request.method === 'ACK') return;
    if (call === undefined || request.method !== 'BYE') {
      this.stack.send(sip.makeResponse(request, call ? 405 : 481, call ? 'Method Not Allowed' : 'No Call'));
      return;
    }
    this.stack.send(sip.makeResponse(request, 200, 'OK'));
    call.farEndHungUp(request);
  }
}

export class PhoneCall {
  /** Every response to the INVITE, in order (100, 180, 200 or an error). */
  readonly responses: sip.SipMessage[] = [];
  /** The final response to the INVITE. */
  readonly answered: Promise<sip.SipMessage>;
  /** The BYE the far end sent, once it did. */
  readonly hungUpByFarEnd: Promise<sip.SipMessage>;
  private finalResponse: sip.SipMessage | undefined;
  private onFinalResponse!: (response: sip.SipMessage) => void;
  private onFarEndBye!: (request: sip.SipMessage) => void;
  private cseq = 1;

  constructor(
    private readonly stack: sip.SipStack,
    private readonly invite: sip.SipMessage,
  ) {
    this.hungUpByFarEnd = new Promise((resolve) => (this.onFarEndBye = resolve));
    this.answered = new Promise((resolve) => (this.onFinalResponse = resolve));
    stack.send(invite);
  }

  /** A response to the INVITE as received (retransmissions of the final one are acknowledged again). */
  inviteResponse(response: sip.SipMessage): void {
    if (response.headers.cseq?.seq !== this.invite.headers.cseq?.seq) return; // a re-INVITE's: reinvite()
    const status = response.status ?? 0;
    if (this.finalResponse === undefined) this.responses.push(response);
    if (status < 200) return;
    if (status < 300) this.ack(response);
    if (this.finalResponse !== undefined) return;
    this.finalResponse = response;
    this.onFinalResponse(response);
  }

  get callId(): string {
    return this.invite.headers['call-id']!;
  }

  get fromTag(): string {
    return String(this.invite.headers.from!.params.tag);
  }

  /** CANCEL before the final response: the same branch and sequence number as the INVITE. */
  cancel(): Promise<sip.SipMessage> {
    const { via, to, from, cseq } = this.invite.headers;
    const cancel: sip.SipMessage = {
      method: 'CANCEL',
      uri: this.invite.uri,
      headers: {
        via: [...via!],
        to,
        from,
        'call-id': this.callId,
        cseq: { method: 'CANCEL', seq: cseq!.seq },
      },
    };
    return new Promise((resolve) => this.stack.send(cancel, (response) => resolve(response)));
  }

  /** BYE in the answered call; resolves with the final response's status. */
  bye(): Promise<number> {
    const answer = this.finalResponse;
    if (answer === undefined) return Promise.reject(new Error('the call was not answered'));
    const request: sip.SipMessage = {
      method: 'BYE',
      uri: contactOf(answer) ?? this.invite.uri!,
      headers: {
        to: answer.headers.to,
        from: this.invite.headers.from,
        'call-id': this.callId,
        cseq: { method: 'BYE', seq: ++this.cseq },
        'max-forwards': '70',
      },
    };
    return new Promise((resolve) =>
      this.stack.send(request, (response) => {
        if ((response.status ?? 0) >= 200) resolve(response.status!);
      }),
    );
  }

  /** A re-INVITE in the answered call (hold, resume) with a new SDP: its final response, ACKed if 2xx. */
  reinvite(sdp: string): Promise<sip.SipMessage> {
    const answer = this.finalResponse;
    if (answer === undefined) return Promise.reject(new Error('the call was not answered'));
    const seq = ++this.cseq;
    const request: sip.SipMessage = {
      method: 'INVITE',
      uri: contactOf(answer) ?? this.invite.uri!,
      headers: {
        to: answer.headers.to,
        from: this.invite.headers.from,
        'call-id': this.callId,
        cseq: { method: 'INVITE', seq },
        contact: this.invite.headers.contact,
        'content-type': 'application/sdp',
        'max-forwards': '70',
      },
      content: sdp,
    };
    return new Promise((resolve) =>
      this.stack.send(request, (response) => {
        const status = response.status ?? 0;
        if (status < 200) return;
        if (status < 300) this.ack(response, seq);
        resolve(response);
      }),
    );
  }

  farEndHungUp(request: sip.SipMessage): void {
    this.onFarEndBye(request);
  }

  private ack(answer: sip.SipMessage, seq = 1): void {
    this.stack.send({
      method: 'ACK',
      uri: contactOf(answer) ?? this.invite.uri!,
      headers: {
        via: [],
        to: answer.headers.to,
        from: this.invite.headers.from,
        'call-id': this.callId,
        cseq: { method: 'ACK', seq },
        'max-forwards': '70',
      },
    });
  }
}

function contactOf(message: sip.SipMessage): string | undefined {
  const contact = message.headers.contact;
  return Array.isArray(contact) ? contact[0]?.uri : undefined;
}
