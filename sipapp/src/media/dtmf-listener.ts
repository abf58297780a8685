import { createSocket, type Socket } from 'node:dgram';
import { EventEmitter } from 'node:events';

/** rtpengine's DTMF event numbers: 0-9, then * and #. */
const DIGITS = '0123456789*#';

/**
 * Receives rtpengine's DTMF log (`--dtmf-log-dest`): one JSON datagram per key, matched to the call by
 * its Call-ID. Emits `<callId>` with the digit.
 */
export class DtmfListener extends EventEmitter {
  private constructor(private readonly socket: Socket) {
    super();
    this.setMaxListeners(0);
    socket.on('message', (message) => this.onDatagram(message));
  }

  static listen(port: number, host = '127.0.0.1'): Promise<DtmfListener> {
    const socket = createSocket('udp4');
    return new Promise((resolve, reject) => {
      socket.once('error', (error) => {
        socket.close();
        reject(error);
      });
      socket.bind(port, host, () => resolve(new DtmfListener(socket)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private onDatagram(message: Buffer): void {
    try {
      const event = JSON.parse(message.toString('utf8')) as {
        callid?: string;
        type?: string;
        event?: number;
      };
      const digit = typeof event.event === 'number' ? DIGITS[event.event] : undefined;
      if (event.callid && digit && (event.type === undefined || event.type === 'DTMF'))
        this.emit(event.callid, digit);
    } catch {
      // A datagram that is not rtpengine's JSON is ignored: the port is rtpengine's alone.
    }
  }
}
