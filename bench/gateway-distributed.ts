/**
 * The platform as `npm run start:distributed` runs it (relay, workflow, intake, gateway as processes
 * on NATS, one SQLite event store file and FerretDB), with names of this run's own (streams, subjects,
 * database) on a NATS server of its own, and a case set made through the HTTP API: the demo seeder
 * only runs embedded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { isolatedDistributedEnv, privateNats } from '@hotline/workflow/testing';
import type { SessionHeaders } from '../services/gateway/src/auth/testing/test-session';
import type { BenchContext } from './bench-kit';

const ROOT = join(__dirname, '..');

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

async function waitReady(url: string, child: ChildProcess, name: string, output: () => string) {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} not ready after 5 min:\n${output().slice(-4000)}`);
}

/**
 * A FerretDB of this run's own (the binary `npm run engines:up` built) over a scratch directory:
 * a shared one may be another run's, and its state directory may vanish under it.
 */
async function privateFerretdb(dir: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const binary = join(process.env.HOTLINE_CACHE ?? join(homedir(), '.cache/hotline'), 'bin/ferretdb');
  const port = await freePort();
  const state = join(dir, 'ferretdb');
  mkdirSync(join(state, 'sqlite'), { recursive: true });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${join(state, 'sqlite')}/?_pragma=synchronous(normal)`,
      `--state-dir=${state}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: 'ignore' },
  );
  const url = `mongodb://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt++) {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 500 });
    const ok = await client
      .db('admin')
      .command({ ping: 1 })
      .then(
        () => true,
        () => false,
      );
    await client.close();
    if (ok) break;
    if (attempt > 60 || child.exitCode !== null) throw new Error(`FerretDB (${binary}) did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface DistributedPlatform {
  url: string;
  /** CPU seconds (user + system) each process has used so far, from /proc (Linux). */
  cpuSeconds(): Record<string, number>;
  stop(): Promise<void>;
}

const cpuOf = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

export async function startDistributed(
  context: BenchContext,
  readStore: 'mongodb' | 'memory',
): Promise<DistributedPlatform> {
  const nats = await privateNats(context.tmpDir);
  const ferretdb = await privateFerretdb(context.tmpDir);
  const isolated = await isolatedDistributedEnv(context.tmpDir);
  const env: Record<string, string> = {
    ...isolated.env,
    NATS_URL: nats.url,
    MONGODB_URL: ferretdb.url,
    READ_STORE: readStore,
    LOG_LEVEL: 'warn',
    HOTLINE_TRACE_EXPORTER: 'none',
  };
  const children: ChildProcess[] = [];
  const pids: Record<string, number> = { ferretdb: ferretdb.pid };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await ferretdb.stop();
    await nats.stop();
    await isolated.readModels.drop();
  };
  let gatewayUrl = '';
  try {
    // The order of scripts/start-distributed.mjs; each waits for the one before to be ready.
    for (const name of ['relay', 'workflow', 'intake', 'gateway']) {
      const port = await freePort();
      const child = spawn(process.execPath, ['-r', '@swc-node/register', `services/${name}/src/main.ts`], {
        cwd: ROOT,
        env: { ...process.env, ...env, HTTP_PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      pids[name] = child.pid ?? 0;
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = `http://127.0.0.1:${port}`;
      await waitReady(url, child, name, () => output);
      gatewayUrl = url;
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    url: gatewayUrl,
    cpuSeconds: () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuOf(pid)])),
    stop,
  };
}

const CONTENTS = [
  '小区楼下餐馆夜间噪音扰民，油烟机噪音很大',
  '我家所在楼栋已经停水两天，没有任何通知',
  '路口路灯不亮已经一周，晚上出行不安全',
  '工地夜间施工打桩，噪音影响休息',
  '小区垃圾清运不及时，气味很大',
  '商户长期占道经营，行人无法通过',
];
const TYPES = ['complaint', 'report', 'consult', 'help'];

type Post = (path: string, as: SessionHeaders, body: Record<string, unknown>) => Promise<number>;

/**
 * `count` cases registered by the center in Gulou; two in three dispatched (alternately to the
 * housing bureau and the Dongjie street office), half of those signed. Answers the last position.
 */
export async function seedCases(
  baseUrl: string,
  sessions: Map<string, SessionHeaders>,
  count: number,
): Promise<number> {
  const as = (username: string) => sessions.get(username) as SessionHeaders;
  const tag = Date.now().toString(36);
  let position = 0;
  const post: Post = async (path, headers, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const reply = (await response.json()) as { position?: number };
    if (response.status > 299)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(reply)}`);
    position = Math.max(position, reply.position ?? 0);
    return reply.position ?? 0;
  };
  const one = async (i: number) => {
    const caseId = `bench-${tag}-${i}`;
    await post('/api/cases', as('center'), {
      commandId: `${caseId}-register`,
      caseId,
      districtId: 'gulou',
      type: TYPES[i % TYPES.length],
      categoryCode: '030101',
      content: `${CONTENTS[i % CONTENTS.length]}（第${i}号）`,
      citizen: { name: '李女士', phone: `138 0013 ${String(8000 + (i % 2000)).padStart(4, '0')}` },
      channel: 'phone',
      place: { address: `鼓楼区东街街道南后街${i}号` },
    });
    if (i % 3 === 0) return;
    const unit = i % 2 === 0 ? 'housing-bureau' : 'gulou-dongjie';
    await post(`/api/cases/${caseId}/dispatch`, as('center'), {
      commandId: `${caseId}-dispatch`,
      leadUnitId: unit,
    });
    if (i % 4 < 2) return;
    const handler = unit === 'housing-bureau' ? 'unit-handler-housing' : 'unit-handler-gulou-dongjie';
    await post(`/api/cases/${caseId}/sign`, as(handler), { commandId: `${caseId}-sign` });
  };
  const workers = 8;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = w; i < count; i += workers) await one(i);
    }),
  );
  // Search sees every case once the read models have applied the last command.
  const check = await fetch(`${baseUrl}/api/cases?pageSize=1&minPosition=${position}`, {
    headers: as('center'),
  });
  const { total } = (await check.json()) as { total: number };
  if (total < count) throw new Error(`search sees ${total} of ${count} seeded cases`);
  return position;
}
