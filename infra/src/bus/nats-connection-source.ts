import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, type ConnectNatsOptions } from './connect-nats';

/** Either a connection the caller owns, or the options to open one that the user of this source owns. */
export type NatsConnectionOption = { connection: NatsConnection } | { connect: ConnectNatsOptions };

/** Opens the connection once, on first use, and closes it only when it opened it. */
export class NatsConnectionSource {
  private pending?: Promise<NatsConnection>;
  private current?: NatsConnection;

  constructor(private readonly option: NatsConnectionOption) {}

  get(): Promise<NatsConnection> {
    this.pending ??= (
      'connection' in this.option ? Promise.resolve(this.option.connection) : connectNats(this.option.connect)
    ).then(
      (connection) => (this.current = connection),
      (error: unknown) => {
        // A failed connect is not remembered: the next call tries again.
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** The open connection; throws before the first `get()` has resolved. */
  unwrap(): NatsConnection {
    if (this.current === undefined) throw new Error('the NATS connection is not open yet');
    return this.current;
  }

  /** Flushes what was written; drains and closes the connection only if this source opened it. */
  async release(): Promise<void> {
    const connection = this.current;
    this.pending = undefined;
    this.current = undefined;
    if (connection === undefined || connection.isClosed()) return;
    if ('connection' in this.option) await connection.flush();
    else await connection.drain();
  }
}
