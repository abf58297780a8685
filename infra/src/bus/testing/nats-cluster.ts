/**
 * Three JetStream nats-servers (v2.15, built once into the cache) clustered on loopback, for fault
 * tests: each node can be SIGKILLed and started again on the same ports and store.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { freePort } from './private-nats';

export interface NatsCluster {
  urls: string[];
  /** SIGKILL of node i: it dies as a crashed machine's process would. */
  kill(i: number): Promise<void>;
  start(i: number): Promise<void>;
  /** Stops every node (SIGTERM). */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess | undefined): Promise<void> =>
  !child || child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));

/** The cached nats-server v2.15 (scripts/engines/nats-build.mjs), built when missing. */
export function natsServer215(): string {
  const root = resolve(__dirname, '../../../..');
  const built = spawnSync(process.execPath, ['scripts/engines/nats-build.mjs'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`nats-server build failed: ${built.stderr}`);
  return built.stdout.trim();
}

export async function natsCluster(dir: string, options: { syncAlways?: boolean } = {}): Promise<NatsCluster> {
  const binary = natsServer215();
  const clientPorts = [await freePort(), await freePort(), await freePort()];
  const routePorts = [await freePort(), await freePort(), await freePort()];
  const children: Array<ChildProcess | undefined> = [];
  const urls = clientPorts.map((p) => `nats://127.0.0.1:${p}`);
  for (let i = 0; i < 3; i += 1) {
    mkdirSync(join(dir, `n${i}`), { recursive: true });
    writeFileSync(
      join(dir, `n${i}.conf`),
      [
        `server_name: n${i}`,
        `listen: 127.0.0.1:${clientPorts[i]}`,
        `jetstream { store_dir: "${join(dir, `n${i}`)}"${options.syncAlways ? ', sync_interval: always' : ''} }`,
        `cluster { name: faults, listen: 127.0.0.1:${routePorts[i]}, routes: [${routePorts
          .map((p) => `nats://127.0.0.1:${p}`)
          .join(', ')}] }`,
      ].join('\n'),
    );
  }
  const start = async (i: number): Promise<void> => {
    children[i] = spawn(binary, ['-c', join(dir, `n${i}.conf`)], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await (await connect({ servers: urls[i], reconnect: false, timeout: 500 })).close();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await Promise.all([0, 1, 2].map(start));
  return {
    urls,
    kill: async (i) => {
      children[i]?.kill('SIGKILL');
      await exited(children[i]);
    },
    start,
    stop: async () => {
      for (const child of children) child?.kill('SIGTERM');
      await Promise.all(children.map(exited));
    },
  };
}
