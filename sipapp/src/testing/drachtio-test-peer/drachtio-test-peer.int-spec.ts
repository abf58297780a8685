import { createConnection } from 'node:net';
import Srf from 'drachtio-srf';
import { SipTestPhone, type IncomingCall } from '../sip-test-phone';
import { DrachtioTestPeer } from './drachtio-test-peer';
import { FrameReader, frame } from './wire-framing';

const SDP = (host: string, port: number) =>
  `v=0\r\no=- 1 1 IN IP4 ${host}\r\ns=-\r\nc=IN IP4 ${host}\r\nt=0 0\r\nm=audio ${port} RTP/AVP 0\r\na=sendrecv\r\n`;

/** An srf application connected to the peer, as the sipapp connects to drachtio-server. */
async function connectedSrf(url: string, secret = 'cymru'): Promise<Srf> {
  const srf = new Srf();
  srf.on('error', () => undefined); // reconnect attempts after the peer closes
  const [host, port] = url.split(':');
  await new Promise<void>((resolve, reject) => {
    srf.on('connect', (err) => {
      if (!err) return resolve();
      srf.disconnect(); // refused: no reconnecting after the test
      reject(err);
    });
    void srf.connect({ host, port: Number(port), secret });
  });
  return srf;
}

describe('the drachtio-server test peer against a real drachtio-srf and a SIP phone over UDP', () => {
  let peer: DrachtioTestPeer;
  let phone: SipTestPhone;
  let srf: Srf;
  let onInvite: (req: Srf.SrfRequest, res: Srf.SrfResponse) => void = () => undefined;

  beforeAll(async () => {
    peer = await DrachtioTestPeer.start();
    phone = await SipTestPhone.open();
    srf = await connectedSrf(peer.url);
    srf.invite((req, res) => onInvite(req, res));
  });

  afterAll(async () => {
    srf?.disconnect();
    phone?.close();
    await peer?.close();
  });

  it('frames by utf-8 byte length, across chunk boundaries', () => {
    const reader = new FrameReader();
    const framed = Buffer.from(frame('id|sip|network\r\nINVITE sip:号码@host SIP/2.0') + frame('id2|ping'));
    expect(reader.push(framed.subarray(0, 7))).toEqual([]);
    expect(reader.push(framed.subarray(7))).toEqual([
      'id|sip|network\r\nINVITE sip:号码@host SIP/2.0',
      'id2|ping',
    ]);
    expect(() => new FrameReader().push(Buffer.from('x#abc'))).toThrow(/no length/);
  });

  it('refuses an application with the wrong secret', async () => {
    await expect(connectedSrf(peer.url, 'wrong')).rejects.toThrow(/failed to authenticate/);
  });

  it('closes a control connection whose framing it cannot read', async () => {
    const socket = createConnection({ host: '127.0.0.1', port: Number(peer.url.split(':')[1]) });
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('not-a-length#hello');
    await expect(closed).resolves.toBeDefined();
  });

  it('hands an INVITE to srf and completes its 200 into a dialog the caller can ACK and BYE', async () => {
    const destroyed = new Promise<string>((resolve) => {
      onInvite = (req, res) => {
        void srf.createUAS(req, res, { localSdp: SDP('127.0.0.1', 40000) }).then((dialog) => {
          dialog.on('destroy', () => resolve(dialog.sip.callId));
        });
      };
    });
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: SDP('127.0.0.3', 41000) });
    const answer = await call.answered;
    expect(answer.status).toBe(200);
    expect(call.responses.map((r) => r.status)).toEqual([100, 200]);
    expect(answer.headers.to?.params.tag).toMatch(/^[0-9a-f]+$/);
    expect(answer.headers['content-type']).toBe('application/sdp');
    expect(answer.content).toContain('m=audio 40000 RTP/AVP 0');
    expect(answer.headers.contact).toEqual([
      expect.objectContaining({ uri: `sip:127.0.0.2:${peer.sipPort}` }),
    ]);
    expect(await call.bye()).toBe(200);
    expect(await destroyed).toBe(call.callId);
  });

  it('sends the application’s BYE to the caller, built from the dialog', async () => {
    let hangUp: () => Promise<unknown> = () => Promise.resolve();
    const answeredByApp = new Promise<void>((resolve) => {
      onInvite = (req, res) => {
        void srf.createUAS(req, res, { localSdp: SDP('127.0.0.1', 40002) }).then((dialog) => {
          hangUp = () => dialog.destroy() as unknown as Promise<unknown>;
          resolve();
        });
      };
    });
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: SDP('127.0.0.3', 41002) });
    const answer = await call.answered;
    await answeredByApp;
    await hangUp();
    const bye = await call.hungUpByFarEnd;
    expect(bye.headers['call-id']).toBe(call.callId);
    expect(bye.headers.to?.params.tag).toBe(call.fromTag);
    expect(bye.headers.from?.params.tag).toBe(answer.headers.to?.params.tag);
    expect(bye.uri).toContain('13912345678@127.0.0.3');
  });

  it('hands a re-INVITE in the dialog to srf, returns its answer, and keeps the dialog and its CSeq', async () => {
    let dialog: Srf.Dialog | undefined;
    const answeredByApp = new Promise<void>((resolve) => {
      onInvite = (req, res) => {
        void srf.createUAS(req, res, { localSdp: SDP('127.0.0.1', 40004) }).then((created) => {
          dialog = created;
          resolve();
        });
      };
    });
    const call = phone.call(peer.uri('12345'), { caller: '13912345679', sdp: SDP('127.0.0.3', 41004) });
    await call.answered;
    await answeredByApp;
    // The app's own request first (the phone refuses INFO with 405): the peer's CSeq is now 2.
    await dialog!.request({ method: 'INFO', body: 'x' } as unknown as Srf.SrfRequest); // srf's types want a whole request
    const modified = new Promise<string>((resolve) => {
      dialog!.on('modify', (req: Srf.SrfRequest, res: Srf.SrfResponse) => {
        res.send(200, { body: SDP('127.0.0.1', 40006) });
        resolve(req.body);
      });
    });
    const held = await call.reinvite(SDP('127.0.0.3', 41004).replace('a=sendrecv', 'a=sendonly'));
    expect(held.status).toBe(200);
    expect(held.headers.cseq).toEqual({ method: 'INVITE', seq: 2 });
    expect(held.content).toContain('m=audio 40006 RTP/AVP 0');
    expect(await modified).toContain('a=sendonly');
    await (dialog!.destroy() as unknown as Promise<unknown>);
    const bye = await call.hungUpByFarEnd;
    expect(bye.headers.cseq).toEqual({ method: 'BYE', seq: 3 });
  });

  it('answers a CANCEL during setup with 487 and tells srf; a late answer is refused', async () => {
    let cancelled!: () => void;
    const cancelSeen = new Promise<void>((resolve) => (cancelled = resolve));
    const lateAnswer = new Promise<string>((resolve) => {
      onInvite = (req, res) => {
        req.on('cancel', () => cancelled());
        // Answer late, as the sipapp does while rtpengine sets the call up.
        setTimeout(() => {
          srf.createUAS(req, res, { localSdp: SDP('127.0.0.1', 40004) }).then(
            () => resolve('answered'),
            (error: Error) => resolve(String(error)),
          );
        }, 300);
      };
    });
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: SDP('127.0.0.3', 41004) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call.cancel()).status).toBe(200);
    expect((await call.answered).status).toBe(487);
    await cancelSeen;
    expect(await lateAnswer).toContain('unknown transaction');
  });

  it('passes the application’s error response (503) to the caller with a To-tag', async () => {
    onInvite = (_req, res) => res.send(503);
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: SDP('127.0.0.3', 41006) });
    const answer = await call.answered;
    expect(answer.status).toBe(503);
    expect(answer.headers.to?.params.tag).toBeTruthy();
  });

  it('answers 481 to a BYE for a dialog it does not know', async () => {
    onInvite = (_req, res) => res.send(486);
    const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: SDP('127.0.0.3', 41008) });
    expect((await call.answered).status).toBe(486);
    expect(await call.bye()).toBe(481);
  });

  describe('srf as a UAC (createUAC, the dialer)', () => {
    const phoneUri = () => `sip:13800138000@${phone.sipTarget}`;
    const uac = (sdpPort: number, cbRequest?: (req: Srf.SrfRequest) => void) =>
      srf.createUAC(
        phoneUri(),
        { localSdp: SDP('127.0.0.1', sdpPort), headers: { From: 'sip:12345@localhost' } },
        cbRequest ? { cbRequest: ((_e: unknown, req: Srf.SrfRequest) => cbRequest(req)) as never } : {},
      );

    it('sends the INVITE completed as the server does, and the phone’s 200 makes a dialog srf can BYE', async () => {
      const rung = new Promise<IncomingCall>((resolve) =>
        phone.whenRung((call) => {
          call.ringing();
          call.answer(SDP('127.0.0.3', 41010));
          resolve(call);
        }),
      );
      const dialog = await uac(40010);
      const call = await rung;
      expect(call.caller).toBe('12345');
      expect(call.invite.uri).toBe(phoneUri());
      expect(call.invite.headers.from?.uri).toBe(`sip:12345@${peer.sipTarget}`);
      expect(call.invite.headers['content-type']).toBe('application/sdp');
      expect(call.invite.headers.cseq).toEqual({ seq: 1, method: 'INVITE' });
      expect(dialog.remote.sdp).toContain('m=audio 41010');
      expect(dialog.sip.remoteTag).toMatch(/^[0-9a-f]{8}$/); // the phone's To-tag
      await new Promise<void>((resolve) => dialog.destroy(undefined, () => resolve()));
      const bye = await call.hungUpByFarEnd;
      expect(bye.headers.cseq).toEqual({ seq: 2, method: 'BYE' });
    });

    it('passes the phone’s BYE up to the UAC dialog', async () => {
      let answered: IncomingCall | undefined;
      phone.whenRung((call) => {
        answered = call;
        call.answer(SDP('127.0.0.3', 41012));
      });
      const dialog = await uac(40012);
      const destroyed = new Promise((resolve) => dialog.on('destroy', resolve));
      expect(await answered!.bye()).toBe(200);
      await expect(destroyed).resolves.toBeDefined();
    });

    it('rejects createUAC with the phone’s 486, and with 487 after srf cancels a ringing INVITE', async () => {
      phone.whenRung((call) => call.reject(486, 'Busy Here'));
      await expect(uac(40014)).rejects.toMatchObject({ status: 486 });
      let cancelled: Promise<unknown> | undefined;
      phone.whenRung((call) => {
        call.ringing();
        cancelled = call.cancelled;
      });
      const ringing = uac(40016, (req) => setTimeout(() => req.cancel(() => undefined), 300));
      await expect(ringing).rejects.toMatchObject({ status: 487 });
      await expect(cancelled).resolves.toMatchObject({ method: 'CANCEL' });
    });
  });
});
