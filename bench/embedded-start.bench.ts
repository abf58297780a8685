/**
 * `npm start` with N cases in the store (issue 10): the embedded platform's first start (every read
 * model rebuilt from the events) and its second start (resumed from the checkpoints), each timed to
 * `/health/ready` answering 200, with the process's RSS then. N = EMBEDDED_BENCH_CASES × scale
 * (default 1,000,000: ~6 M events); the events are written straight into the event store's table.
 * Goal at 1,000,000 cases: ready in ≤ 10 s and RSS ≤ 1.5 GB on the resumed start.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteEventStore } from '@hotline/infra/event-store';
import type { BenchResult, Benchmark } from './bench-kit';
import { historyEvents } from './workflow-bench-events';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** Writes the history of `cases` cases into `events.db` in large transactions (no commands). */
export async function writeHistory(dir: string, cases: number): Promise<number> {
  const store = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'normal' });
  await store.close();
  const db = new DatabaseSync(join(dir, 'events.db'));
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, version, data, metadata, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  db.exec('BEGIN');
  for (const e of historyEvents(cases)) {
    insert.run(
      e.streamId,
      e.revision,
      e.id,
      e.type,
      e.version,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      e.time,
    );
    if (++count % 50_000 === 0) db.exec('COMMIT; BEGIN');
  }
  db.exec('COMMIT');
  db.close();
  return count;
}

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

/** Starts the embedded runner on `dir`, times it to ready, reads its RSS, and stops it. */
async function startOnce(dir: string, port: number): Promise<{ seconds: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'services/embedded/src/main.ts'], {
    env: {
      ...process.env,
      HOTLINE_DATA_DIR: dir,
      HOTLINE_DEMO: 'off',
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the embedded runner exited with ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { seconds: (performance.now() - started) / 1000, rss: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export const run: Benchmark = async (context) => {
  const cases = Math.round(Number(process.env.EMBEDDED_BENCH_CASES ?? 1_000_000) * context.scale);
  const dir = join(context.tmpDir, 'embedded-start');
  mkdirSync(dir, { recursive: true });
  const events = await writeHistory(dir, cases);
  const port = 20_000 + (process.pid % 20_000);
  const first = await startOnce(dir, port);
  const second = await startOnce(dir, port);
  const result = (name: string, r: { seconds: number; rss: number }, goal: string): BenchResult => ({
    name: `npm start, ${name}`,
    unit: 'event',
    ours: { ops: events, seconds: r.seconds },
    notes: `${fmt(cases)} cases, ${fmt(events)} events: ready in ${r.seconds.toFixed(1)} s, RSS ${fmt(r.rss)} MB${goal}; load ${load()}`,
  });
  return [
    result('first start (read models rebuilt)', first, ''),
    result('restart (read models resumed)', second, '; goal at 1,000,000 cases: ≤ 10 s, ≤ 1,536 MB'),
  ];
};
