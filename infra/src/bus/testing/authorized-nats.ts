/**
 * One nats-server v2.15 (built once into the cache) with the platform's users and permissions
 * (`natsAuthorizationConfig`), optionally over TLS with a throwaway certificate: the permission tests
 * connect as each user and see what the server lets through.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats } from '../connect-nats';
import { inboxPrefixOf, natsAuthorizationConfig, type NatsUserPermissions } from '../nats-permissions';
import { natsServer215 } from './nats-cluster';
import { freePort } from './private-nats';

export interface AuthorizedNats {
  readonly url: string;
  /** The server's certificate, to trust (with `tls`). */
  readonly caFile?: string;
  /** A user's password on this server. */
  password(user: string): string;
  /** A connection as `user` with its password and inbox prefix, closed by `stop`. */
  as(user: string): Promise<NatsConnection>;
  /** Closes every connection, stops the server, removes its folder. */
  stop(): Promise<void>;
}

const password = (user: string): string => `pw-${user}-0123456789`;

/** A self-signed certificate for 127.0.0.1 (a day), its key beside it. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-days', '1', '-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** Starts the server and returns once `users[0]` can connect (up to 30 s). */
export async function authorizedNats(options: {
  users: NatsUserPermissions[];
  tls?: boolean;
  /** JetStream writes each message to disk before acknowledging it. */
  syncAlways?: boolean;
}): Promise<AuthorizedNats> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-nats-auth-'));
  const tls = options.tls ? selfSigned(dir) : undefined;
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'nats.conf'),
    [
      `listen: 127.0.0.1:${port}`,
      `jetstream { store_dir: "${join(dir, 'js')}"${options.syncAlways ? ', sync_interval: always' : ''} }`,
      ...(tls ? [`tls { cert_file: "${tls.cert}", key_file: "${tls.key}", timeout: 2 }`] : []),
      natsAuthorizationConfig(
        options.users,
        Object.fromEntries(options.users.map((u) => [u.user, password(u.user)])),
      ),
    ].join('\n'),
  );
  const server: ChildProcess = spawn(natsServer215(), ['-c', join(dir, 'nats.conf')], { stdio: 'ignore' });
  const open: NatsConnection[] = [];
  const as = async (user: string): Promise<NatsConnection> => {
    const nc = await connectNats({
      servers: url,
      name: user,
      user,
      pass: password(user),
      inboxPrefix: inboxPrefixOf(user),
      ...(tls ? { tlsCaFile: tls.cert } : {}),
      maxReconnectAttempts: 0,
    });
    open.push(nc);
    return nc;
  };
  const stop = async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const first = options.users[0]?.user;
  if (!first) throw new Error('authorizedNats needs at least one user');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await (await as(first)).close();
      break;
    } catch (error) {
      if (Date.now() > deadline || server.exitCode !== null) {
        await stop();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url, ...(tls ? { caFile: tls.cert } : {}), password, as, stop };
}
