import { BusClientProxy, DEFAULT_REQUEST_TIMEOUT_MS } from './bus-client-proxy';
import type { BusHeaders } from './bus-record';
import type { InProcessBroker } from './in-process-broker';

export interface InProcessClientProxyOptions {
  broker: InProcessBroker;
  /** Default request timeout; a BusRecord may carry its own. Default 5 s. */
  timeoutMs?: number;
}

/** The embedded mode's ClientProxy: `send(subject, payload)` through the in-process broker. */
export class InProcessClientProxy extends BusClientProxy {
  private readonly broker: InProcessBroker;

  constructor(options: InProcessClientProxyOptions) {
    super(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.broker = options.broker;
  }

  connect(): Promise<InProcessBroker> {
    return Promise.resolve(this.broker);
  }

  close(): void {}

  unwrap<T>(): T {
    return this.broker as T;
  }

  protected request(subject: string, body: string, headers: BusHeaders, timeoutMs: number): Promise<string> {
    return this.broker.request(subject, body, headers, timeoutMs);
  }
}
