import type { AddressInfo } from 'node:net';
import * as smpp from 'smpp';

export interface Smsc {
  port: number;
  /** submit_sm the hotline sent: destination and decoded text. */
  submitted: Array<{ to: string; text: string }>;
  /** While set, every submit_sm is refused with a system error (ESME_RSYSERR), as an SMSC in trouble. */
  refusing: boolean;
  /** How many submit_sm it refused. */
  refusals: number;
  deliver(options: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

/** The operator's SMSC as the test peer: a real SMPP server on loopback that the hotline binds to. */
export async function startSmsc(): Promise<Smsc> {
  const submitted: Smsc['submitted'] = [];
  let bound: smpp.Session | undefined;
  const sessions: smpp.Session[] = [];
  let nextId = 0;
  // eslint-disable-next-line prefer-const -- assigned once the server listens; the handlers read it later
  let smsc: Smsc;
  const server = smpp.createServer({}, (session) => {
    sessions.push(session);
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      const ok = pdu.system_id === 'hotline-test' && pdu.password === 'secret';
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RBINDFAIL }));
      if (ok) bound = session;
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      if (smsc.refusing) {
        smsc.refusals++;
        session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
        return;
      }
      const message = (pdu.short_message as { message?: string } | undefined)?.message ?? '';
      submitted.push({ to: String(pdu.destination_addr), text: message });
      session.send(pdu.response({ message_id: `m${++nextId}` }));
    });
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smsc = {
    port: (server.address() as AddressInfo).port,
    submitted,
    refusing: false,
    refusals: 0,
    deliver: (options) =>
      new Promise((resolve, reject) => {
        if (!bound) return reject(new Error('the hotline has not bound'));
        bound.deliver_sm({ destination_addr: '12345', ...options }, (response) =>
          resolve(response.command_status),
        );
      }),
    close: async () => {
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return smsc;
}
