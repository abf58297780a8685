import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portIsFree, privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';

const ROOT = join(__dirname, '../..');
const SERVICES = { gateway: 0, workflow: 101, relay: 102, intake: 103 } as const;
type Service = keyof typeof SERVICES;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * A gateway port whose service ports (+101 … +110) are free too. Chosen below the kernel's ephemeral
 * range (32768–60999 on Linux): a port there that is free now can be taken a moment later by any
 * outgoing connection of a parallel test (CI once saw the workflow's port so taken, EADDRINUSE).
 */
async function freePortBlock(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = [0, ...Array.from({ length: 10 }, (_, i) => 101 + i)].map((offset) => base + offset);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return base;
  }
}

/**
 * `npm run start:distributed` (scripts/start-distributed.mjs) as an operator runs it, on its defaults
 * (events and read models in PostgreSQL: a database of the test's own) and a NATS server of the
 * test's own that the test SIGKILLs; then its children are SIGKILLed one at a time.
 */
describe('The distributed platform under faults [start-distributed.mjs, nats-server of its own]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-faults-'));
  let database: TemporaryDatabase;
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
    database = await createTemporaryDatabase('faults');
    base = await freePortBlock();
    supervisor = spawn(process.execPath, ['scripts/start-distributed.mjs'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NATS_URL: nats.url,
        POSTGRES_URL: database.url,
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
    await database?.drop();
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
      // The supervisor's backoff is 1 s unless the service crashed within its last minute (then it
      // doubles): the wait follows the delay the supervisor announces.
      await until(`${service} announced its restart`, 5_000, async () =>
        new RegExp(`${service} exited \\(SIGKILL\\); restarting it in \\d+ s`).test(output),
      );
      const delay = Number(
        new RegExp(`${service} exited \\(SIGKILL\\); restarting it in (\\d+) s`).exec(output)?.[1],
      );
      await until(`${service} restarted`, delay * 1_000 + 10_000, async () => pidOf(service) !== pid);
      // The gateway and intake serve throughout. A restart normally takes seconds; CI once saw the
      // workflow take over 120 s that no run here reproduced, so every 30 s the wait prints why the
      // service is not ready (its /health/ready and the supervisor's last lines) before failing at 240 s.
      let reported = killed;
      while ((await readiness(service)) !== 200) {
        expect((await searchKnowledge()).status).toBe(200);
        const waited = Date.now() - killed;
        if (Date.now() - reported >= 30_000 || waited > 240_000) {
          reported = Date.now();
          const why = await fetch(url(service, '/health/ready')).then(
            (r) => r.text(),
            (error: Error) => `no answer: ${error.message}`,
          );
          const report = `${service} not ready ${waited} ms after its SIGKILL: ${why}\n${output.slice(-3000)}\n`;
          if (waited > 240_000) throw new Error(report);
          process.stderr.write(report);
        }
        await sleep(500);
      }
      process.stderr.write(`${service} SIGKILLed: serving again after ${Date.now() - killed} ms\n`);
      expect(await readiness('gateway')).toBe(200);
    },
    270_000,
  );
});
