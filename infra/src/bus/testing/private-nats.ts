/**
 * A NATS server (JetStream on) of a test's or benchmark's own: Debian's nats-server on a free port
 * with its store under `dir`. A test on the shared server must name its deployment (HOTLINE_BUS_PREFIX)
 * or another run's services answer a share of its requests; a fault test may kill its own server (SIGKILL) and start it again on the same port and store, never the shared one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';

const BINARIES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

export interface PrivateNats {
  url: string;
  port: number;
  /** SIGKILL: the server dies as a crashed pod would, without closing its clients' connections. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and store; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** SIGTERM, for the end of a test. */
  stop(): Promise<void>;
}

export const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port for a server started a moment later (and perhaps restarted on it). Chosen below the kernel's
 * ephemeral range (32768–60999 on Linux): a free port there may be taken meanwhile by any outgoing
 * connection of a parallel test; below it only a listener can take it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await portIsFree(port)) return port;
  }
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

export async function privateNats(dir: string): Promise<PrivateNats> {
  const binary = BINARIES.find((path) => existsSync(path));
  if (!binary) throw new Error(`no nats-server binary (${BINARIES.join(', ')})`);
  const port = await freePort();
  const storeDir = join(dir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess;

  const start = async (): Promise<void> => {
    child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const nc = await connect({ servers: url, reconnect: false });
        await nc.close();
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await start();
  return {
    url,
    port,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    restart: start,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
