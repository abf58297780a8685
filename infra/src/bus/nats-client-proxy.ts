import { errors, type NatsConnection } from '@nats-io/nats-core';
import { BusClientProxy, DEFAULT_REQUEST_TIMEOUT_MS } from './bus-client-proxy';
import { busTimeout, busUnavailable, noResponders } from './bus-errors';
import type { BusHeaders } from './bus-record';
import { prefixSubject } from './deployment-prefix';
import { NatsConnectionSource, type NatsConnectionOption } from './nats-connection-source';
import type { NatsLink } from './nats-link';
import { toNatsHeaders } from './nats-headers';

export type NatsClientProxyOptions = NatsConnectionOption & {
  /** Default request timeout; a BusRecord may carry its own. Default 5 s. */
  timeoutMs?: number;
  /** The connection's state: while it is down a request fails at once instead of timing out. */
  link?: NatsLink;
  /** The deployment's HOTLINE_BUS_PREFIX: requests go to `<prefix>.<subject>` (deployment-prefix.ts). */
  subjectPrefix?: string;
};

/** The distributed mode's ClientProxy: `send(subject, payload)` as a NATS request. */
export class NatsClientProxy extends BusClientProxy {
  private readonly source: NatsConnectionSource;
  private readonly link: NatsLink | undefined;
  private readonly subjectPrefix: string | undefined;

  constructor(options: NatsClientProxyOptions) {
    super(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.source = new NatsConnectionSource(options);
    this.link = options.link;
    this.subjectPrefix = options.subjectPrefix;
  }

  connect(): Promise<NatsConnection> {
    return this.source.get();
  }

  close(): Promise<void> {
    return this.source.release();
  }

  unwrap<T>(): T {
    return this.source.unwrap() as T;
  }

  protected async request(
    subject: string,
    body: string,
    headers: BusHeaders,
    timeoutMs: number,
  ): Promise<string> {
    this.link?.assertUp(subject);
    const connection = await this.source.get();
    try {
      const reply = await connection.request(prefixSubject(this.subjectPrefix, subject), body, {
        timeout: timeoutMs,
        headers: toNatsHeaders(headers),
      });
      return reply.string();
    } catch (error) {
      throw translate(error, subject, timeoutMs);
    }
  }
}

const translate = (error: unknown, subject: string, timeoutMs: number): Error => {
  const cause = error instanceof Error ? error.cause : undefined;
  if (error instanceof errors.TimeoutError || cause instanceof errors.TimeoutError)
    return busTimeout(subject, timeoutMs);
  if (error instanceof errors.NoRespondersError || cause instanceof errors.NoRespondersError)
    return noResponders(subject);
  if (error instanceof errors.RequestError && error.isNoResponders()) return noResponders(subject);
  return busUnavailable(subject, error);
};
