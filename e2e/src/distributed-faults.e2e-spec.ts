import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { MongoReadStore } from '@hotline/infra/read-store';

const ROOT = join(__dirname, '../..');
const SERVICES = { gateway: 0, workflow: 101, relay: 102, intake: 103 } as const;
type Service = keyof typeof SERVICES;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A gateway port whose service ports (+101, +102, +103) are free too. */
async function freePortBlock(): Promise<number> {
  for (;;) {
    const base = await freePort();
    if (base > 65_000) continue;
    const rest = await Promise.all([101, 102, 103].map((offset) => portIsFree(base + offset)));
    if (rest.every(Boolean)) return base;
  }
}

/**
 * `npm run start:distributed` (scripts/start-distributed.mjs) as an operator runs it, on a NATS
 * server of the test's own that the test SIGKILLs; then its children are SIGKILLed one at a time.
 */
describe('The distributed platform under faults [start-distributed.mjs, nats-server of its own]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-faults-'));
  const database = `faults_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const mongoUrl = process.env.FERRETDB_URL ?? 'mongodb://127.0.0.1:27018/';
  let nats: PrivateNats;
  let supervisor: ChildProcess;
  let base: number;
  let output = '';

  const url = (service: Service, path: string): string =>
    `http://127.0.0.1:${base + SERVICES[service]}${path}`;
  const readiness = (service: Service): Promise<number> =>
    fetch(url(service, '/health/ready')).then(
      (r) => r.status,
      () => 0,
    );
  const all = (status: number) => async () =>
    (await Promise.all((Object.keys(SERVICES) as Service[]).map(readiness))).every((s) => s === status);
  const until = async (what: string, ms: number, condition: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > ms) throw new Error(`not ${what} within ${ms} ms\n${output.slice(-3000)}`);
      await sleep(50);
    }
    return Date.now() - started;
  };
  const pidOf = (service: Service): number | undefined => {
    const pids = [...output.matchAll(new RegExp(`started ${service} \\(pid (\\d+)\\)`, 'g'))];
    const last = pids.at(-1)?.[1];
    return last === undefined ? undefined : Number(last);
  };
  /** A public request the gateway answers through intake over NATS. */
  const searchKnowledge = () => fetch(url('gateway', '/api/portal/knowledge/search?q=%E5%81%9C%E6%B0%B4'));

  beforeAll(async () => {
    nats = await privateNats(dir);
    base = await freePortBlock();
    supervisor = spawn(process.execPath, ['scripts/start-distributed.mjs'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NATS_URL: nats.url,
        EVENT_STORE: 'sqlite',
        EVENT_STORE_PATH: join(dir, 'events.db'),
        EVENT_STORE_DURABILITY: 'normal',
        READ_STORE: 'mongodb',
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        HTTP_PORT: String(base),
        HOTLINE_DEMO: 'off',
        // One client polls the public routes throughout.
        HOTLINE_RATE_LIMIT_PER_MINUTE: '100000',
        HOTLINE_RATE_LIMIT_BURST: '1000',
        LOG_LEVEL: 'warn',
      },
    });
    supervisor.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until('all four services ready', 240_000, all(200));
  }, 300_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => supervisor.once('exit', resolve));
    supervisor.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
    const store = await MongoReadStore.connect(mongoUrl, database);
    await store.dropDatabase();
    await store.close();
    await nats.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('turns every service unready within 2 s of NATS dying, fails requests fast with 503 and Retry-After, and is ready within 2 s of its return', async () => {
    expect((await searchKnowledge()).status).toBe(200);
    await nats.kill();
    const unready = await until('every service unready', 2_000, all(503));
    const asked = Date.now();
    const refused = await searchKnowledge();
    const answeredIn = Date.now() - asked;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BUS_DOWN');
    expect(answeredIn).toBeLessThan(1_000);

    await sleep(3_000);
    await nats.restart();
    const ready = await until('every service ready again', 2_000, all(200));
    process.stderr.write(
      `NATS SIGKILLed: all unready after ${unready} ms, ready ${ready} ms after its restart; a request was refused in ${answeredIn} ms\n`,
    );
    expect((await searchKnowledge()).status).toBe(200);
  }, 30_000);

  it.each(['workflow', 'relay'] as const)(
    'starts the %s again after a SIGKILL while the gateway keeps answering',
    async (service) => {
      const pid = pidOf(service);
      expect(pid).toBeDefined();
      process.kill(pid as number, 'SIGKILL');
      const killed = Date.now();
      await until(`${service} restarted`, 10_000, async () => pidOf(service) !== pid);
      expect(output).toMatch(new RegExp(`${service} exited \\(SIGKILL\\); restarting it in 1 s`));
      // The gateway and intake serve throughout.
      while ((await readiness(service)) !== 200) {
        expect((await searchKnowledge()).status).toBe(200);
        expect(Date.now() - killed).toBeLessThan(120_000);
        await sleep(500);
      }
      process.stderr.write(`${service} SIGKILLed: serving again after ${Date.now() - killed} ms\n`);
      expect(await readiness('gateway')).toBe(200);
    },
    150_000,
  );
});
