import { createSocket, type Socket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import type { DtmfRelay } from './dtmf-relay';

/** rtpengine's DTMF event numbers: 0-9, then * and #. */
const DIGITS = '0123456789*#';

/**
 * Receives rtpengine's DTMF log (`--dtmf-log-dest`): one JSON datagram per key, matched to the call by
 * its Call-ID. Emits `<callId>` with the digit. With a relay (several replicas), a key for a call this
 * replica does not hold is passed on, and the keys other replicas pass on for its calls are taken.
 */
export class DtmfListener extends EventEmitter {
  private readonly stopTaking: () => void;

  private constructor(
    private readonly socket: Socket,
    private readonly relay: DtmfRelay | undefined,
  ) {
    super();
    this.setMaxListeners(0);
    socket.on('message', (message) => this.onDatagram(message));
    this.stopTaking = relay?.take((callId, digit) => this.deliver(callId, digit)) ?? (() => undefined);
  }

  static listen(port: number, host = '127.0.0.1', relay?: DtmfRelay): Promise<DtmfListener> {
    const socket = createSocket('udp4');
    return new Promise((resolve, reject) => {
      socket.once('error', (error) => {
        socket.close();
        reject(error);
      });
      socket.bind(port, host, () => resolve(new DtmfListener(socket, relay)));
    });
  }

  /** The UDP port bound (the one asked for, or the one the system chose for 0). */
  get port(): number {
    return this.socket.address().port;
  }

  close(): Promise<void> {
    this.stopTaking();
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  /** A key for one of this replica's calls is emitted; any other key is dropped. */
  private deliver(callId: string, digit: string): boolean {
    return this.emit(callId, digit);
  }

  private onDatagram(message: Buffer): void {
    try {
      const event = JSON.parse(message.toString('utf8')) as {
        callid?: string;
        type?: string;
        event?: number;
      };
      const digit = typeof event.event === 'number' ? DIGITS[event.event] : undefined;
      if (!event.callid || !digit || (event.type !== undefined && event.type !== 'DTMF')) return;
      if (!this.deliver(event.callid, digit)) this.relay?.pass(event.callid, digit);
    } catch {
      // A datagram that is not rtpengine's JSON is ignored: the port is rtpengine's alone.
    }
  }
}
