import { HotlineError } from '@hotline/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { BusErrorCode } from './bus-errors';

/** What a caller is told to wait before retrying while the bus is down (HTTP `Retry-After`). */
export const BUS_DOWN_RETRY_AFTER_SECONDS = 2;

/**
 * Whether a NATS connection is up right now, from the client's own status events: a dead server is
 * seen as soon as its socket closes, not after a request times out. Readiness reports it, requests
 * fail fast on it, and the relay wakes on `onReconnect` instead of sleeping out its backoff.
 */
export class NatsLink {
  private connected = true;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly connection: NatsConnection) {
    void this.follow();
  }

  /** Starts following `connection`, which must be open. */
  static watch(connection: NatsConnection): NatsLink {
    return new NatsLink(connection);
  }

  get up(): boolean {
    return this.connected && !this.connection.isClosed();
  }

  /** For readiness: throws the reason while the connection is down. */
  check(): void {
    if (!this.up) throw new Error('NATS is not connected; the client is reconnecting');
  }

  /** Throws a fast 'unavailable' while the connection is down, instead of letting a request time out. */
  assertUp(subject: string): void {
    if (this.up) return;
    throw new HotlineError(
      'unavailable',
      BusErrorCode.down,
      `the bus is not connected, so nothing can answer on ${subject}; retry shortly`,
      undefined,
      { subject, retryAfterSeconds: BUS_DOWN_RETRY_AFTER_SECONDS },
    );
  }

  /** Calls `listener` each time the connection comes back; returns a function that stops it. */
  onReconnect(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async follow(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect' || status.type === 'staleConnection') this.connected = false;
      else if (status.type === 'reconnect') {
        this.connected = true;
        for (const listener of this.listeners) listener();
      } else if (status.type === 'close') this.connected = false;
    }
  }
}
