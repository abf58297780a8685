import { Client } from 'rtpengine-client';

/** An rtpengine ng reply: `result` is `ok` (or `pong`), else `error-reason` says why. */
export type NgReply = Record<string, unknown> & { result?: string; 'error-reason'?: string };

export class RtpengineError extends Error {
  constructor(command: string, reason: string) {
    super(`rtpengine ${command}: ${reason}`);
    this.name = 'RtpengineError';
  }
}

/**
 * rtpengine's ng control protocol over UDP through `rtpengine-client`, typed to what the sipapp sends.
 * Every reply is checked: an `error` result rejects naming the command.
 */
export class RtpengineControl {
  private readonly client: NgClient;

  constructor(
    private readonly host: string,
    private readonly port: number,
    timeoutMs = 5_000,
  ) {
    this.client = new Client({ timeout: timeoutMs }) as NgClient;
    // A reply that comes after its request timed out (rtpengine starved of CPU) has no request to
    // answer: the client emits it as an error, which unhandled would end the process.
    this.client.on('error', () => undefined);
  }

  /** `RTPENGINE_NG`-style `host:port`. */
  static at(address: string, timeoutMs?: number): RtpengineControl {
    const [host, port] = address.split(':');
    return new RtpengineControl(host ?? '127.0.0.1', Number(port), timeoutMs);
  }

  async send(command: NgCommand, options: Record<string, unknown> = {}): Promise<NgReply> {
    const reply = await this.client[command](this.port, this.host, options);
    if (reply.result === 'error') throw new RtpengineError(command, String(reply['error-reason'] ?? 'error'));
    return reply;
  }

  /** Whether the daemon answers (readiness). */
  async ping(): Promise<boolean> {
    try {
      return (await this.send('ping')).result === 'pong';
    } catch {
      return false;
    }
  }

  close(): void {
    this.client.close();
  }
}

export type NgCommand =
  | 'ping'
  | 'offer'
  | 'answer'
  | 'delete'
  | 'playMedia'
  | 'stopMedia'
  | 'startRecording'
  | 'stopRecording'
  | 'blockMedia'
  | 'unblockMedia'
  | 'query';

type NgClient = Record<
  NgCommand,
  (port: number, host: string, options: Record<string, unknown>) => Promise<NgReply>
> & {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): void;
};
