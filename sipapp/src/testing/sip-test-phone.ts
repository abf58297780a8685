import { randomBytes, randomUUID } from 'node:crypto';
import * as sip from 'sip';
import { freeUdpPort } from './free-udp-port';

/**
 * A TEST DOUBLE of a phone's signalling on the `sip` stack (real SIP over UDP, on a loopback address
 * of its own): as a UAC it places calls, acknowledges, cancels and hangs up; as a UAS it is rung (the
 * dialer's calls: the test rings, answers with an SDP, rejects, or lets it ring until the CANCEL,
 * answered 200 with a 487 to the INVITE); it answers the far end's BYE with 200 and keeps what it
 * received. No media: a test pairs it with `RtpCaller` or uses baresip.
 */
export class SipTestPhone {
  private readonly calls = new Map<string, PhoneCall>();
  private readonly rung = new Map<string, IncomingCall>();
  private onRing: ((call: IncomingCall) => void) | undefined;
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

  /** What the phone does when rung: the test's handler gets each incoming call (none: 480). */
  whenRung(handler: (call: IncomingCall) => void): void {
    this.onRing = handler;
  }

  /** `host:port` where this phone takes INVITEs (the dialer's gateway in tests). */
  get sipTarget(): string {
    return `${this.address}:${this.port}`;
  }

  close(): void {
    this.stack.destroy();
  }

  private onReceived(message: sip.SipMessage): void {
    if (message.status !== undefined && message.headers.cseq?.method === 'INVITE')
      this.calls.get(message.headers['call-id'] ?? '')?.inviteResponse(message);
  }

  private onRequest(request: sip.SipMessage): void {
    const incoming = this.rung.get(request.headers['call-id'] ?? '');
    if (request.method === 'INVITE' && !request.headers.to?.params.tag) return this.ring(request);
    if (incoming !== undefined && request.method !== 'ACK') return incoming.request(request);
    const call = this.calls.get(request.headers['call-id'] ?? '');
    if (request.method === 'ACK') return;
    if (call === undefined || request.method !== 'BYE') {
      this.stack.send(sip.makeResponse(request, call ? 405 : 481, call ? 'Method Not Allowed' : 'No Call'));
      return;
    }
    this.stack.send(sip.makeResponse(request, 200, 'OK'));
    call.farEndHungUp(request);
  }

  private ring(invite: sip.SipMessage): void {
    const call = new IncomingCall(this.stack, invite, `sip:phone@${this.address}:${this.port}`);
    this.rung.set(invite.headers['call-id']!, call);
    if (this.onRing === undefined) return call.reject(480, 'Temporarily Unavailable');
    this.onRing(call);
  }
}

/** A call the phone is rung with (the dialer's INVITE): the test decides how it goes. */
export class IncomingCall {
  /** The CANCEL, once the caller gave up ringing. */
  readonly cancelled: Promise<sip.SipMessage>;
  /** The BYE the caller sent, once it did. */
  readonly hungUpByFarEnd: Promise<sip.SipMessage>;
  private readonly tag = randomBytes(4).toString('hex');
  private onCancel!: (request: sip.SipMessage) => void;
  private onBye!: (request: sip.SipMessage) => void;
  private final = false;
  private cseq = 1;

  constructor(
    private readonly stack: sip.SipStack,
    readonly invite: sip.SipMessage,
    private readonly contact: string,
  ) {
    this.cancelled = new Promise((resolve) => (this.onCancel = resolve));
    this.hungUpByFarEnd = new Promise((resolve) => (this.onBye = resolve));
  }

  /** The INVITE's SDP offer (rtpengine's, for the dialer's calls). */
  get offer(): string {
    return this.invite.content ?? '';
  }

  /** The calling number (the From user). */
  get caller(): string | undefined {
    return /^sips?:([^@;]+)@/.exec(this.invite.headers.from?.uri ?? '')?.[1];
  }

  ringing(): void {
    this.respond(180, 'Ringing');
  }

  answer(sdp: string): void {
    this.respond(200, 'OK', sdp);
    this.final = true;
  }

  reject(status: number, reason: string): void {
    this.respond(status, reason);
    this.final = true;
  }

  /** BYE from the phone in the answered call; resolves with the final response's status. */
  bye(): Promise<number> {
    const request: sip.SipMessage = {
      method: 'BYE',
      uri: contactOf(this.invite) ?? this.invite.headers.from!.uri,
      headers: {
        to: this.invite.headers.from,
        from: { ...this.invite.headers.to!, params: { ...this.invite.headers.to!.params, tag: this.tag } },
        'call-id': this.invite.headers['call-id'],
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

  /** A request in this call from the caller: CANCEL while ringing, BYE once answered. */
  request(request: sip.SipMessage): void {
    if (request.method === 'CANCEL') {
      this.stack.send(sip.makeResponse(request, 200, 'OK'));
      if (!this.final) this.reject(487, 'Request Terminated');
      this.onCancel(request);
      return;
    }
    if (request.method === 'BYE') {
      this.stack.send(sip.makeResponse(request, 200, 'OK'));
      this.onBye(request);
      return;
    }
    this.stack.send(sip.makeResponse(request, 405, 'Method Not Allowed'));
  }

  private respond(status: number, reason: string, sdp?: string): void {
    const response = sip.makeResponse(this.invite, status, reason);
    response.headers.to = {
      ...this.invite.headers.to!,
      params: { ...this.invite.headers.to!.params, tag: this.tag },
    };
    response.headers.contact = [{ uri: this.contact, params: {} }];
    if (sdp !== undefined) {
      response.headers['content-type'] = 'application/sdp';
      response.content = sdp;
    }
    this.stack.send(response);
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
