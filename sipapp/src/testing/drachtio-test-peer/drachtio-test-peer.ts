import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import * as sip from 'sip';
import { freeUdpPort } from '../free-udp-port';
import { FrameReader, frame, splitMessage } from './wire-framing';

/**
 * A TEST PEER standing in for drachtio-server, which cannot be installed on these machines
 * (shared/TELEPHONY.md). It speaks drachtio's control protocol over TCP to a real `drachtio-srf` on one
 * side and real SIP over UDP (the `sip` stack, on a loopback address of its own) on the other, with the
 * server behaviours srf relies on:
 * - `authenticate` with the shared secret, `route|<verb>`, `ping`;
 * - a request from the network goes up as `sip|network|…|<txnId>|<dialogId>` + the raw SIP; an INVITE
 *   gets `100 Trying` first, a CANCEL answers the INVITE with 487 and tells the app;
 * - the app's response (`sip|<txnId>|` + status line, its own headers and body) is completed with Via,
 *   From, To (with a tag), Call-ID, CSeq, Contact and `Content-Type: application/sdp` for an SDP body,
 *   sent, and echoed back as `response|<msgId>|OK|application|…` with the dialog id (a 2xx to INVITE
 *   makes the dialog `<Call-ID>;from-tag=<caller tag>`);
 * - a request in a dialog from the app (`sip||<dialogId>`, BYE with a placeholder URI) is built from the
 *   dialog, sent, echoed, and its responses go up as network messages; `NO|unable to find dialog`
 *   otherwise. Requests in a dialog from the network without one get 481;
 * - an INVITE from the app outside a dialog (srf's `createUAC`: `sip||` + request line, its own headers
 *   and the SDP) is completed with From (the app's user, our address, a tag), To, Call-ID, CSeq,
 *   Max-Forwards, Contact and the SDP content type, sent to the request URI, echoed with its
 *   transaction id; every response goes up as `sip|network|…|<txnId>|<dialogId>`, a 2xx opening the
 *   dialog `<Call-ID>;from-tag=<our tag>` (srf's ACK to it, `sip||<dialogId>`, is sent with the
 *   INVITE's CSeq; the stack ACKs an error itself); the app's CANCEL (`sip|<txnId>|`) is sent on the
 *   INVITE's branch; the phone's BYE in that dialog goes up with the dialog id.
 *
 * What it does NOT do: PRACK and 100rel, session timers, SIP over TCP/TLS/WS, NAT handling, proxying,
 * requests from the app outside a dialog other than INVITE and CANCEL, forking (one answer per INVITE),
 * the outbound-connection mode, CDR events, authentication challenges, Record-Route, retransmission
 * beyond what the `sip` stack does.
 */
export class DrachtioTestPeer {
  private app: Socket | undefined;
  private readonly verbs = new Set<string>();
  /** Requests from the network the app has not answered finally, by transaction id. */
  private readonly incoming = new Map<string, sip.SipMessage>();
  /** INVITEs still waiting for a final response, by Call-ID (a CANCEL finds them). */
  private readonly invites = new Map<string, string>();
  private readonly dialogs = new Map<string, Dialog>();
  /** Call-IDs of the INVITEs received, by the caller's number (the From user): what tests look up. */
  private readonly callsFrom = new Map<string, string[]>();
  /** Our To-tag per Call-ID. */
  private readonly tags = new Map<string, string>();
  /** The app's INVITEs outside a dialog still without a final response, by transaction id (a CANCEL finds them). */
  private readonly outgoing = new Map<string, sip.SipMessage>();
  /** The dialog id of a request from the network in a dialog, by its transaction id (the app answers it). */
  private readonly incomingDialogs = new Map<string, string>();
  private readonly sockets = new Set<Socket>();
  private stack!: sip.SipStack;

  private constructor(
    private readonly control: Server,
    readonly sipAddress: string,
    readonly sipPort: number,
    private readonly secret: string,
  ) {}

  /** Starts the control port on 127.0.0.1 (any free port) and SIP over UDP on `sipAddress`. */
  static async start(options: { secret?: string; sipAddress?: string } = {}): Promise<DrachtioTestPeer> {
    const sipAddress = options.sipAddress ?? '127.0.0.2';
    const sipPort = await freeUdpPort(sipAddress);
    const control = createServer();
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const peer = new DrachtioTestPeer(control, sipAddress, sipPort, options.secret ?? 'cymru');
    peer.stack = sip.create(
      { address: sipAddress, port: sipPort, udp: true, tcp: false },
      (request, remote) => peer.fromNetwork(request, remote),
    );
    control.on('connection', (socket) => peer.accept(socket));
    return peer;
  }

  /** `host:port` of the control port, as `DRACHTIO_URL` takes it. */
  get url(): string {
    const address = this.control.address();
    if (address === null || typeof address === 'string') throw new Error('the test peer is not listening');
    return `127.0.0.1:${address.port}`;
  }

  /** Whether an authenticated application takes requests of this method (`invite`). */
  routes(verb: string): boolean {
    return this.app !== undefined && this.verbs.has(verb);
  }

  /** The Call-ID of the last INVITE from this number. */
  lastCallFrom(number: string): string | undefined {
    return this.callsFrom.get(number)?.at(-1);
  }

  /** The Call-IDs of every INVITE from this number, oldest first (a load run's calls). */
  callsFromNumber(number: string): readonly string[] {
    return this.callsFrom.get(number) ?? [];
  }

  /** Where a phone sends its INVITE: `sip:<user>@<sip address>:<port>`. */
  get sipTarget(): string {
    return `${this.sipAddress}:${this.sipPort}`;
  }

  /** Where a phone sends its INVITE: `sip:<user>@<sip address>:<port>`. */
  uri(user: string): string {
    return `sip:${user}@${this.sipAddress}:${this.sipPort}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.stack.destroy();
    await new Promise<void>((resolve) => this.control.close(() => resolve()));
  }

  // --- the control side (drachtio-srf) ---

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const reader = new FrameReader();
    socket.on('data', (chunk) => {
      try {
        for (const message of reader.push(chunk)) this.fromApp(socket, message);
      } catch {
        socket.destroy(); // the server closes a connection whose framing it cannot read
      }
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.app === socket) {
        this.app = undefined;
        this.verbs.clear();
      }
    });
    socket.on('error', () => undefined);
  }

  private fromApp(socket: Socket, message: string): void {
    const { tokens, sip: raw } = splitMessage(message);
    const [msgId = '', type, first = '', second = ''] = tokens;
    if (type === 'authenticate') {
      if (first !== this.secret) return this.reply(socket, msgId, ['NO', 'incorrect secret']);
      this.app = socket;
      const hostport = `udp/${this.sipAddress}:${this.sipPort}`;
      return this.reply(socket, msgId, ['OK', hostport, 'v0.9.5-test-peer', hostport]);
    }
    if (socket !== this.app) return this.reply(socket, msgId, ['NO', 'not authenticated']);
    if (type === 'route') this.verbs.add(first.toLowerCase());
    if (type === 'remove_route') this.verbs.delete(first.toLowerCase());
    if (type === 'route' || type === 'remove_route' || type === 'ping')
      return this.reply(socket, msgId, ['OK']);
    if (type !== 'sip') return this.reply(socket, msgId, ['NO', `the test peer has no "${type}"`]);
    const sent = sip.parse(raw.includes('\r\n\r\n') ? raw : `${raw}\r\n`);
    if (sent === undefined) return this.reply(socket, msgId, ['NO', 'unparseable SIP message']);
    if (sent.status !== undefined) return this.respond(socket, msgId, first, sent);
    if (second !== '') return this.requestInDialog(socket, msgId, second, sent);
    if (sent.method === 'INVITE') return this.inviteFromApp(socket, msgId, sent);
    if (sent.method === 'CANCEL' && first !== '') return this.cancelFromApp(socket, msgId, first);
    // srf ACKs an error response too, outside a dialog: the stack has ACKed it already.
    if (sent.method === 'ACK') return this.reply(socket, msgId, ['OK']);
    this.reply(socket, msgId, ['NO', `the test peer sends no ${sent.method} outside a dialog`]);
  }

  /** srf's createUAC: the INVITE completed as the server does, sent, echoed; its responses go up. */
  private inviteFromApp(socket: Socket, msgId: string, sent: sip.SipMessage): void {
    const uri = sent.uri!;
    // The app's From names the calling number (`sip:12345@localhost`); the server puts its own address there.
    const fromUser = /^sips?:([^@;>]+)@/.exec(sent.headers.from?.uri ?? '')?.[1];
    const self = `sip:${fromUser ? `${fromUser}@` : ''}${this.sipAddress}:${this.sipPort}`;
    const request: sip.SipMessage = {
      method: 'INVITE',
      uri,
      version: '2.0',
      headers: {
        ...Object.fromEntries(Object.entries(sent.headers).filter(([name]) => !SERVER_HEADERS.has(name))),
        to: { uri, params: {} },
        from: { uri: self, params: { tag: randomBytes(6).toString('hex') } },
        'call-id': `${randomUUID()}@${this.sipAddress}`,
        cseq: { seq: 1, method: 'INVITE' },
        contact: [{ uri: self, params: {} }],
        'max-forwards': '70',
        ...(sent.content?.startsWith('v=0') ? { 'content-type': 'application/sdp' } : {}),
      },
      ...(sent.content ? { content: sent.content } : {}),
    };
    const txnId = randomUUID();
    this.outgoing.set(txnId, request);
    const [address, port] = remoteOf(uri);
    // The stack fills the Via (and its branch) as it sends: the echo shows the request as sent.
    this.stack.send(request, (response) => {
      const status = response.status ?? 0;
      let dialogId = '';
      if (status >= 200) this.outgoing.delete(txnId);
      if (status >= 200 && status < 300) {
        dialogId = `${request.headers['call-id']};from-tag=${String(request.headers.from!.params.tag)}`;
        if (this.dialogs.has(dialogId)) return; // a retransmitted 200: the ACK went with the first
        this.dialogs.set(dialogId, {
          callId: request.headers['call-id']!,
          local: request.headers.from!,
          remote: response.headers.to!,
          remoteTarget: firstContact(response) ?? uri,
          cseq: 1,
          inviteCseq: 1,
        });
      }
      this.toApp(this.meta('network', sip.stringify(response), address, port, txnId, dialogId), response);
    });
    const text = sip.stringify(request);
    this.echo(socket, msgId, text, txnId, '');
  }

  /** The app cancels its INVITE: a CANCEL on the INVITE's branch; the phone's 487 goes up as the INVITE's. */
  private cancelFromApp(socket: Socket, msgId: string, txnId: string): void {
    const invite = this.outgoing.get(txnId);
    if (invite === undefined) return this.reply(socket, msgId, ['NO', 'unknown transaction']);
    const { via, to, from, cseq } = invite.headers;
    const cancel: sip.SipMessage = {
      method: 'CANCEL',
      uri: invite.uri,
      version: '2.0',
      headers: {
        via: [...(via ?? [])],
        to,
        from,
        'call-id': invite.headers['call-id'],
        cseq: { seq: cseq!.seq, method: 'CANCEL' },
        'max-forwards': '70',
      },
    };
    const cancelTxn = randomUUID();
    const text = sip.stringify(cancel);
    this.echo(socket, msgId, text, cancelTxn, '');
    this.stack.send(cancel, () => undefined);
  }

  /** The app answers a request from the network: complete, send, echo. */
  private respond(socket: Socket, msgId: string, txnId: string, sent: sip.SipMessage): void {
    const request = this.incoming.get(txnId);
    if (request === undefined) return this.reply(socket, msgId, ['NO', 'unknown transaction']);
    const status = sent.status!;
    const response = sip.makeResponse(request, status, sent.reason);
    for (const [name, value] of Object.entries(sent.headers))
      if (!SERVER_HEADERS.has(name)) response.headers[name] = value;
    const to = request.headers.to!;
    response.headers.to = { ...to, params: { ...to.params } };
    const callId = request.headers['call-id']!;
    if (request.method === 'INVITE' && status > 100) {
      response.headers.to.params.tag ??= this.localTag(callId);
      response.headers.contact = [{ uri: `sip:${this.sipAddress}:${this.sipPort}`, params: {} }];
    }
    if (sent.content) {
      response.content = sent.content;
      if (sent.content.startsWith('v=0')) response.headers['content-type'] ??= 'application/sdp';
    }
    let dialogId = this.incomingDialogs.get(txnId) ?? this.dialogIdOf(request);
    // A 2xx to an INVITE opens the dialog; to a re-INVITE in it, the dialog goes on (its CSeq too).
    if (request.method === 'INVITE' && status >= 200 && status < 300 && !this.dialogs.has(dialogId)) {
      this.dialogs.set(dialogId, {
        callId,
        local: response.headers.to,
        remote: request.headers.from!,
        remoteTarget: firstContact(request) ?? request.headers.from!.uri,
        cseq: 1,
        inviteCseq: 0,
      });
    } else if (!this.dialogs.has(dialogId)) dialogId = '';
    if (status >= 200) {
      this.incoming.delete(txnId);
      this.incomingDialogs.delete(txnId);
      if (request.method === 'INVITE') this.invites.delete(callId);
      if (request.method === 'BYE') this.dialogs.delete(dialogId);
    }
    const text = sip.stringify(response);
    this.stack.send(response);
    this.echo(socket, msgId, text, txnId, dialogId);
  }

  /** The app sends a request in a dialog (BYE, INFO, re-INVITE): built from the dialog's state. */
  private requestInDialog(socket: Socket, msgId: string, dialogId: string, sent: sip.SipMessage): void {
    const dialog = this.dialogs.get(dialogId);
    if (dialog === undefined) return this.reply(socket, msgId, ['NO', 'unable to find dialog']);
    const method = sent.method!;
    const request: sip.SipMessage = {
      method,
      uri: dialog.remoteTarget,
      version: '2.0',
      headers: {
        ...Object.fromEntries(Object.entries(sent.headers).filter(([name]) => !SERVER_HEADERS.has(name))),
        via: [],
        to: dialog.remote,
        from: dialog.local,
        'call-id': dialog.callId,
        // An ACK to our INVITE's 2xx carries the INVITE's sequence number (RFC 3261 13.2.2.4).
        cseq: { seq: method === 'ACK' ? dialog.inviteCseq : ++dialog.cseq, method },
        'max-forwards': '70',
      },
      ...(sent.content ? { content: sent.content } : {}),
    };
    const txnId = randomUUID();
    const text = sip.stringify(request);
    this.echo(socket, msgId, text, txnId, dialogId);
    if (method === 'BYE') this.dialogs.delete(dialogId);
    if (method === 'ACK') return this.stack.send(request); // no transaction, no response
    this.stack.send(request, (response) => {
      const [address, port] = remoteOf(dialog.remoteTarget);
      this.toApp(this.meta('network', sip.stringify(response), address, port, txnId, dialogId), response);
    });
  }

  /** The server's echo of what it sent for the app: srf learns the transaction and the dialog from it. */
  private echo(socket: Socket, msgId: string, text: string, txnId: string, dialogId: string): void {
    const meta = this.meta('application', text, this.sipAddress, this.sipPort, txnId, dialogId);
    this.reply(socket, msgId, ['OK', ...meta], text);
  }

  private reply(socket: Socket, msgId: string, tokens: string[], sipText?: string): void {
    const message = `${randomUUID()}|response|${msgId}|${tokens.join('|')}`;
    socket.write(frame(sipText === undefined ? message : `${message}\r\n${sipText}`));
  }

  // --- the network side (SIP over UDP) ---

  private fromNetwork(request: sip.SipMessage, remote: sip.Remote): void {
    const callId = request.headers['call-id']!;
    const method = request.method!;
    // In a dialog the app opened (createUAC), the phone's requests carry our tag as the To-tag.
    const uacDialogId = `${callId};from-tag=${request.headers.to?.params.tag ?? ''}`;
    const dialogId = this.dialogs.has(uacDialogId) ? uacDialogId : this.dialogIdOf(request);
    const txnId = randomUUID();
    const up = () =>
      this.toApp(
        this.meta('network', sip.stringify(request), remote.address, remote.port, txnId, ''),
        request,
      );
    if (method === 'ACK') {
      // An ACK to a 2xx (the stack keeps those to errors): the app's dialog sees it.
      if (this.dialogs.has(dialogId))
        this.toApp(
          this.meta('network', sip.stringify(request), remote.address, remote.port, txnId, dialogId),
          request,
        );
      return;
    }
    if (method === 'CANCEL') {
      const inviteTxn = this.invites.get(callId);
      const invite = inviteTxn === undefined ? undefined : this.incoming.get(inviteTxn);
      if (inviteTxn === undefined || invite === undefined)
        return this.stack.send(sip.makeResponse(request, 481, 'Call/Transaction Does Not Exist'));
      this.stack.send(sip.makeResponse(request, 200, 'OK'));
      const terminated = sip.makeResponse(invite, 487, 'Request Terminated');
      terminated.headers.to = {
        ...invite.headers.to!,
        params: { ...invite.headers.to!.params, tag: this.localTag(callId) },
      };
      this.stack.send(terminated);
      this.incoming.delete(inviteTxn);
      this.invites.delete(callId);
      return up(); // srf finds the INVITE by Call-ID and emits `cancel`
    }
    if (request.headers.to?.params.tag) {
      if (!this.dialogs.has(dialogId))
        return this.stack.send(sip.makeResponse(request, 481, 'Call/Transaction Does Not Exist'));
      this.incoming.set(txnId, request);
      this.incomingDialogs.set(txnId, dialogId);
      return this.toApp(
        this.meta('network', sip.stringify(request), remote.address, remote.port, txnId, dialogId),
        request,
      );
    }
    if (this.app === undefined || !this.verbs.has(method.toLowerCase()))
      return this.stack.send(sip.makeResponse(request, 503, 'Service Unavailable'));
    if (method === 'INVITE') {
      const caller = /^sips?:([^@;]+)@/.exec(request.headers.from?.uri ?? '')?.[1] ?? '';
      this.callsFrom.set(caller, [...(this.callsFrom.get(caller) ?? []), callId]);
      this.stack.send(sip.makeResponse(request, 100, 'Trying'));
      this.invites.set(callId, txnId);
    }
    this.incoming.set(txnId, request);
    up();
  }

  private toApp(tokens: string[], message: sip.SipMessage): void {
    if (this.app === undefined) return;
    this.app.write(frame(`${randomUUID()}|sip|${tokens.join('|')}\r\n${sip.stringify(message)}`));
  }

  /** `<source>|<bytes>|udp|<address>|<port>|<time>|<txnId>|<dialogId>`, as srf reads it. */
  private meta(source: string, text: string, address: string, port: number, txnId: string, dialogId: string) {
    const time = new Date().toISOString().slice(11, 23);
    return [source, String(Buffer.byteLength(text)), 'udp', address, String(port), time, txnId, dialogId];
  }

  /** A dialog is known by the Call-ID and the caller's From-tag (the UAS side only). */
  private dialogIdOf(request: sip.SipMessage): string {
    return `${request.headers['call-id']};from-tag=${request.headers.from?.params.tag ?? ''}`;
  }

  /** One To-tag per call, the same in 1xx, 2xx and 487. */
  private localTag(callId: string): string {
    let tag = this.tags.get(callId);
    if (tag === undefined) this.tags.set(callId, (tag = randomBytes(6).toString('hex')));
    return tag;
  }
}

interface Dialog {
  callId: string;
  /** Our side (the To of the INVITE with our tag): From of the requests we send. */
  local: sip.NameAddr;
  remote: sip.NameAddr;
  remoteTarget: string;
  cseq: number;
  /** The CSeq of the INVITE that opened the dialog when the app sent it (its ACK repeats it); 0 otherwise. */
  inviteCseq: number;
}

/** Headers the server writes itself: whatever the app put there is replaced. */
const SERVER_HEADERS = new Set(['via', 'from', 'to', 'call-id', 'cseq', 'contact', 'content-length']);

function firstContact(message: sip.SipMessage): string | undefined {
  const contact = message.headers.contact;
  return Array.isArray(contact) ? contact[0]?.uri : undefined;
}

function remoteOf(uri: string): [string, number] {
  const match = /@?([0-9.]+)(?::([0-9]+))?/.exec(uri.replace(/^sips?:[^@]*@/, 'sip:'));
  return [match?.[1] ?? '', Number(match?.[2] ?? 5060)];
}
