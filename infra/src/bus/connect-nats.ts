import { ValidationError } from '@hotline/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

export interface ConnectNatsOptions {
  /** One URL or a list, e.g. `nats://127.0.0.1:4222`. */
  servers: string | string[];
  /** The client name the server shows in its connection list: the service name. */
  name: string;
  user?: string;
  pass?: string;
  token?: string;
  /** Where replies to this connection go (`_INBOX_<user>`): its user may subscribe to nothing else's. */
  inboxPrefix?: string;
  /** TLS: the CA that signed the servers' certificates (a PEM file); the URL may stay nats://. */
  tlsCaFile?: string;
  /** Attempts after a lost connection; -1 (default) retries forever, as a long-running service should. */
  maxReconnectAttempts?: number;
  /** Pause between reconnect attempts. Default 1 s. */
  reconnectTimeWaitMs?: number;
  /** How long the first connect may take. Default 5 s. */
  connectTimeoutMs?: number;
}

/** The one place that opens NATS connections, so every service reconnects and names itself alike. */
export async function connectNats(options: ConnectNatsOptions): Promise<NatsConnection> {
  const servers = Array.isArray(options.servers) ? options.servers : [options.servers];
  if (
    servers.length === 0 ||
    servers.some((s) => typeof s !== 'string' || !/^(nats|tls|wss?):\/\/\S+$/.test(s))
  ) {
    throw new ValidationError('servers', 'must be one or more nats:// (or tls://, ws://, wss://) URLs');
  }
  if (typeof options.name !== 'string' || options.name.trim() === '')
    throw new ValidationError('name', 'must be a non-empty string');
  return connect({
    servers,
    name: options.name,
    user: options.user,
    pass: options.pass,
    token: options.token,
    ...(options.inboxPrefix ? { inboxPrefix: options.inboxPrefix } : {}),
    ...(options.tlsCaFile ? { tls: { caFile: options.tlsCaFile } } : {}),
    reconnect: true,
    maxReconnectAttempts: options.maxReconnectAttempts ?? -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 1_000,
    timeout: options.connectTimeoutMs ?? 5_000,
    // Otherwise every request builds an Error up front for its stack, in case it fails: a tenth of a
    // busy router's CPU. A failed request is reported with its subject (nats-client-proxy) instead.
    noAsyncTraces: true,
  });
}
