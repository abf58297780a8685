import type { Msg, Subscription } from '@nats-io/nats-core';
import { BusServer } from './bus-server';
import type { CommandAdmissionLimits } from './command-admission';
import { prefixSubject } from './deployment-prefix';
import { NatsConnectionSource, type NatsConnectionOption } from './nats-connection-source';
import { fromNatsHeaders } from './nats-headers';

export type NatsTransportOptions = NatsConnectionOption & {
  /** The service name: the queue group, so replicas share the requests. */
  queue: string;
  /** The deployment's HOTLINE_BUS_PREFIX: subscriptions are on `<prefix>.<subject>` (deployment-prefix.ts). */
  subjectPrefix?: string;
  /** Commands run at once and waiting for a turn; default: no limit. */
  admission?: CommandAdmissionLimits;
};

/**
 * The distributed mode's Nest transport on `@nats-io/transport-node` v3: each `@MessagePattern`
 * subject is a queue subscription; replies carry the handler's response or its typed error.
 */
export class NatsTransport extends BusServer {
  private readonly source: NatsConnectionSource;
  private readonly subjectPrefix: string | undefined;
  private subscriptions: Subscription[] = [];

  constructor(options: NatsTransportOptions) {
    super(options.queue, options.admission);
    this.source = new NatsConnectionSource(options);
    this.subjectPrefix = options.subjectPrefix;
  }

  listen(callback: (error?: unknown) => void): void {
    this.subscribeAll().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Stops taking requests, answers those already taken, then releases the connection. */
  async close(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((subscription) => subscription.drain()));
    await this.drain();
    await this.source.release();
  }

  unwrap<T>(): T {
    return this.source.unwrap() as T;
  }

  private async subscribeAll(): Promise<void> {
    const subjects = this.subjects();
    const connection = await this.source.get();
    this.subscriptions = subjects.map((subject) =>
      connection.subscribe(prefixSubject(this.subjectPrefix, subject), {
        queue: this.queue,
        callback: (error, msg) => {
          if (error === null) this.onRequest(subject, msg);
        },
      }),
    );
    // The subscriptions are registered on the server before listen() reports ready.
    await connection.flush();
  }

  private onRequest(subject: string, msg: Msg): void {
    void this.dispatch(subject, msg.string(), fromNatsHeaders(msg.headers)).then((reply) => {
      if (msg.reply !== undefined && msg.reply !== '') msg.respond(reply);
    });
  }
}
