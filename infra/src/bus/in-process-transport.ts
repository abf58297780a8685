import { BusServer } from './bus-server';
import type { CommandAdmissionLimits } from './command-admission';
import type { InProcessBroker } from './in-process-broker';

export interface InProcessTransportOptions {
  broker: InProcessBroker;
  /** The service name: replicas on the same broker share requests, as a NATS queue group does. */
  queue: string;
  /** Commands run at once and waiting for a turn; default: no limit. */
  admission?: CommandAdmissionLimits;
}

/** The embedded mode's Nest transport: `@MessagePattern` handlers answer through an in-process broker. */
export class InProcessTransport extends BusServer {
  private unsubscribes: (() => void)[] = [];

  constructor(private readonly options: InProcessTransportOptions) {
    super(options.queue, options.admission);
  }

  listen(callback: (error?: unknown) => void): void {
    try {
      this.unsubscribes = this.subjects().map((subject) =>
        this.options.broker.register(subject, this.queue, (body, headers) =>
          this.dispatch(subject, body, headers),
        ),
      );
    } catch (error) {
      callback(error);
      return;
    }
    callback();
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    await this.drain();
  }

  unwrap<T>(): T {
    return this.options.broker as T;
  }
}
