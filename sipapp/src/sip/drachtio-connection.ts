import type { EventEmitter } from 'node:events';
import Srf from 'drachtio-srf';
import type { Logger } from '@hotline/infra/telemetry';
import { reachable } from '../telephony-readiness';

/**
 * The sipapp's connection to drachtio-server in the inbound connection mode (the app dials the
 * server's control port, `DRACHTIO_URL`, and authenticates with the shared secret). srf is connected
 * once the port accepts connections, so a server that is not up yet never leaves srf retrying after
 * the app stopped; once connected, srf reconnects by itself.
 */
export class DrachtioConnection {
  readonly srf = new Srf();
  private connected = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private onConnected: () => void = () => undefined;
  /** Resolves once srf first connected and authenticated (the dialer waits for it). */
  readonly firstConnected = new Promise<void>((resolve) => (this.onConnected = resolve));

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly logger: Logger,
    private readonly retryMs = 2_000,
  ) {
    this.srf.on('connect', (err, hostport) => {
      if (err) return this.logger.error({ err, url }, 'drachtio-server refused the sipapp');
      this.connected = true;
      this.onConnected();
      this.logger.info({ url, hostport }, 'connected to drachtio-server');
    });
    // srf forwards its socket's `close` without declaring it in its types.
    const socketEvents: EventEmitter = this.srf;
    socketEvents.on('close', () => {
      if (this.connected) this.logger.warn({ url }, 'connection to drachtio-server lost; reconnecting');
      this.connected = false;
    });
    this.srf.on('error', (err) => this.logger.debug({ err, url }, 'drachtio-server connection error'));
  }

  /** Whether srf is connected and authenticated (calls can arrive). */
  get isConnected(): boolean {
    return this.connected;
  }

  start(): void {
    void this.attempt();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    if (!this.connected) return;
    try {
      this.srf.disconnect();
    } catch (error) {
      this.logger.debug({ err: error }, 'drachtio-server connection already gone');
    }
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    if (!(await reachable(this.url, 1_000))) {
      if (!this.stopped) this.retry = setTimeout(() => void this.attempt(), this.retryMs);
      return;
    }
    if (this.stopped) return;
    const [host, port] = this.url.split(':');
    void this.srf.connect({ host, port: Number(port), secret: this.secret });
  }
}
