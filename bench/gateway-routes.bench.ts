/**
 * Issue 5's performance item: the console's read routes under 50 concurrent users for 60 s in each
 * run mode. Embedded: `npm start` with the demo city as its own process. Distributed: the services
 * as `npm run start:distributed` starts them, with a case set made through the API. The raw figure
 * is the floor of the same server at the same concurrency in the same run, `GET /health/live`, so
 * the ratio shows what the session, the bus and the read model add. BENCH_GATEWAY_MODES picks modes
 * (embedded, distributed with FerretDB, distributed-memory: the same processes with in-memory read models);
 * BENCH_GATEWAY_USERS the users (50); BENCH_SCALE scales the durations.
 */
import type { BenchContext, BenchResult } from './bench-kit';
import { startDistributed, seedCases } from './gateway-distributed';
import { type LoadOutcome, type RouteKind, percentiles, runLoad, signInAccounts } from './gateway-load';
import { startPlatform } from '../services/console/src/e2e/platform-process';

interface Server {
  url: string;
  stop(): Promise<void>;
  /** Cases the load searches over, for the notes. */
  cases: string;
  cpuSeconds?: () => Record<string, number>;
}

const KINDS: { kind: RouteKind; label: string }[] = [
  { kind: 'search', label: 'GET /api/cases (search)' },
  { kind: 'inbox', label: 'GET /api/units/:unitId/inbox' },
  { kind: 'badges', label: 'GET /api/badges' },
];

async function startServer(mode: string, context: BenchContext): Promise<Server> {
  if (mode === 'embedded') {
    const platform = await startPlatform();
    return { url: platform.url, stop: platform.stop, cases: 'the demo city (~300 cases)' };
  }
  const readStore = mode === 'distributed-memory' ? 'memory' : 'mongodb';
  const platform = await startDistributed(context, readStore);
  const count = Math.max(20, Math.round(200 * Math.min(1, context.scale * 10)));
  const seedStart = performance.now();
  await seedCases(platform.url, await signInAccounts(platform.url), count);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  return {
    url: platform.url,
    stop: platform.stop,
    cpuSeconds: platform.cpuSeconds,
    cases:
      `${count} cases made through the API (${seedSeconds.toFixed(1)} s), ` +
      (readStore === 'memory' ? 'read models in memory' : 'read models in FerretDB'),
  };
}

const count = (outcome: LoadOutcome, kind?: RouteKind): number =>
  kind
    ? (outcome.latencies.get(kind)?.length ?? 0)
    : [...outcome.latencies.values()].reduce((sum, list) => sum + list.length, 0);

function results(
  mode: string,
  users: number,
  server: Server,
  load: LoadOutcome,
  floor: LoadOutcome,
  cpu: string,
) {
  const all = [...load.latencies.values()].flat().sort((a, b) => a - b);
  const floorMs = floor.latencies.get('floor') ?? [];
  const errors = load.errors + floor.errors;
  const overall: BenchResult = {
    name: `gateway routes (${mode}): console read mix, ${users} users`,
    unit: 'request',
    ours: { ops: count(load), seconds: load.seconds },
    raw: { label: `GET /health/live, ${users} users`, ops: count(floor), seconds: floor.seconds },
    notes:
      `overall ${percentiles(all)}; floor ${percentiles(floorMs)}; errors ${errors}` +
      `${errors > 0 ? ` (${[...load.failures, ...floor.failures].join(' | ')})` : ''}; ${server.cases}${cpu}`,
  };
  const perKind = KINDS.map(({ kind, label }): BenchResult => ({
    name: `gateway routes (${mode}): ${label}`,
    unit: 'request',
    ours: { ops: count(load, kind), seconds: load.seconds },
    notes: percentiles(load.latencies.get(kind) ?? []),
  }));
  return [overall, ...perKind];
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const modes = (process.env.BENCH_GATEWAY_MODES ?? 'embedded,distributed,distributed-memory').split(',');
  const users = Number(process.env.BENCH_GATEWAY_USERS ?? '50');
  const durationMs = 60_000 * context.scale;
  const out: BenchResult[] = [];
  for (const mode of modes) {
    const server = await startServer(mode, context);
    try {
      const sessions = await signInAccounts(server.url);
      const base = { baseUrl: server.url, users };
      // Warm-up (JIT, connection pools, read-model caches), not counted.
      await runLoad({ ...base, durationMs: Math.min(5_000, durationMs / 4) }, sessions);
      const floor = await runLoad({ ...base, durationMs: durationMs / 3, floor: true }, sessions);
      const before = server.cpuSeconds?.() ?? {};
      const load = await runLoad({ ...base, durationMs }, sessions);
      const after = server.cpuSeconds?.() ?? {};
      const cpu = Object.entries(after)
        .map(([name, seconds]) => `${name} ${(seconds - (before[name] ?? 0)).toFixed(1)}`)
        .join(', ');
      out.push(...results(mode, users, server, load, floor, cpu ? `; CPU s during the load: ${cpu}` : ''));
    } finally {
      await server.stop();
    }
  }
  return out;
}
