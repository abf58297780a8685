// Local engines for development, tests and benchmarks: NATS (JetStream) and FerretDB (SQLite backend).
//
//   node scripts/engines.mjs up | down | status
//
// `up` reuses whatever already answers (the machine's NATS on 4222, a FerretDB someone started) and
// starts the rest, building FerretDB into $HOTLINE_CACHE/bin (default ~/.cache/hotline/bin) the first
// time. State lives under ./data/engines. `down` stops only what this script started (pid files).
//
// Importable: `up(options)`, `down(options)`, `release(options)`, `status(options)`. Jest's global setup calls `up` with a
// lease (its pid); engines started under a lease are stopped by the last lease holder's `down`, while
// engines started by hand (`npm run engines:up`) keep running until `npm run engines:down`.
// Settings: NATS_URL, FERRETDB_URL (where to find or start them), POSTGRES_URL (the machine's
// PostgreSQL is checked and its `hotline` database created, never started), HOTLINE_CACHE, HOTLINE_ENGINES_DIR.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFerretdb, ferretdbUsable } from './engines/ferretdb-build.mjs';
import { downPatroni, patroniInstalled, upPatroni } from './engines/patroni.mjs';
import { ensurePostgres } from './engines/postgres.mjs';
import {
  liveLeases,
  mongoWriteFailure,
  pingMongo,
  probeNats,
  readPidFile,
  startDetached,
  stopProcess,
  waitFor,
  withLock,
} from './engines/processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULTS = JSON.parse(readFileSync(join(ROOT, 'infra/src/engines/local-engines.json'), 'utf8'));

function settings(options = {}) {
  const cache = options.cacheDir ?? process.env.HOTLINE_CACHE ?? join(homedir(), '.cache/hotline');
  const dataDir = resolve(options.dataDir ?? process.env.HOTLINE_ENGINES_DIR ?? join(ROOT, 'data/engines'));
  const nats = new URL(
    options.natsUrl ?? process.env.NATS_URL ?? `nats://${DEFAULTS.nats.host}:${DEFAULTS.nats.port}`,
  );
  const ferretdb = new URL(
    options.ferretdbUrl ??
      process.env.FERRETDB_URL ??
      `mongodb://${DEFAULTS.ferretdb.host}:${DEFAULTS.ferretdb.port}/`,
  );
  const { host, port, user } = DEFAULTS.postgres;
  return {
    postgresUrl:
      options.postgresUrl ?? process.env.POSTGRES_URL ?? `postgres://${user}@${host}:${port}/hotline`,
    binDir: join(cache, 'bin'),
    dataDir,
    leaseDir: join(dataDir, 'leases'),
    lockDir: join(dataDir, '.lock'),
    log: options.log ?? ((line) => console.log(line)),
    nats: {
      host: nats.hostname,
      port: Number(nats.port || 4222),
      url: `nats://${nats.hostname}:${nats.port || 4222}`,
    },
    ferretdb: {
      host: ferretdb.hostname,
      port: Number(ferretdb.port || 27017),
      url: `mongodb://${ferretdb.host}/`,
    },
  };
}

const pidFile = (s, engine) => join(s.dataDir, `${engine}.pid`);

function natsBinary(s) {
  const candidates = [
    join(s.binDir, 'nats-server'),
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
    '/usr/local/bin/nats-server',
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `engines: no NATS answers at ${s.nats.url} and no nats-server binary was found (${candidates.join(', ')})`,
    );
  return found;
}

async function upNats(s, owner) {
  if (await probeNats(s.nats.host, s.nats.port)) return { engine: 'nats', url: s.nats.url, state: 'reused' };
  const dir = join(s.dataDir, 'nats');
  mkdirSync(dir, { recursive: true });
  const logFile = join(s.dataDir, 'nats.log');
  const args = ['-js', '-a', s.nats.host, '-p', String(s.nats.port), '-sd', dir];
  const child = startDetached(natsBinary(s), args, logFile);
  writeFileSync(pidFile(s, 'nats'), JSON.stringify({ pid: child.pid, url: s.nats.url, owner }));
  await waitFor('nats-server', () => probeNats(s.nats.host, s.nats.port), child, logFile);
  return { engine: 'nats', url: s.nats.url, state: 'started', pid: child.pid };
}

async function upFerretdb(s, owner) {
  if (await pingMongo(s.ferretdb.url)) {
    const failure = await mongoWriteFailure(s.ferretdb.url);
    if (failure !== undefined) {
      throw new Error(
        `a MongoDB-compatible server answers at ${s.ferretdb.url} but cannot write (${failure}); stop it and run again`,
      );
    }
    return { engine: 'ferretdb', url: s.ferretdb.url, state: 'reused' };
  }
  const binary = join(s.binDir, 'ferretdb');
  const { version, module } = DEFAULTS.ferretdb;
  if (!ferretdbUsable(binary, version)) buildFerretdb({ binDir: s.binDir, version, module, log: s.log });
  const dir = join(s.dataDir, 'ferretdb');
  mkdirSync(join(dir, 'sqlite'), { recursive: true });
  const logFile = join(dir, 'ferretdb.log');
  // WAL with synchronous=NORMAL: commits survive FerretDB crashing, not the machine losing power,
  // which suits an engine for tests and development and spares an fsync per update.
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${join(dir, 'sqlite')}/?_pragma=synchronous(normal)`,
    `--state-dir=${dir}`,
    `--listen-addr=${s.ferretdb.host}:${s.ferretdb.port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
    '--log-format=text',
  ];
  const child = startDetached(binary, args, logFile);
  writeFileSync(pidFile(s, 'ferretdb'), JSON.stringify({ pid: child.pid, url: s.ferretdb.url, owner }));
  await waitFor('ferretdb', () => pingMongo(s.ferretdb.url, 500), child, logFile);
  return { engine: 'ferretdb', url: s.ferretdb.url, state: 'started', pid: child.pid };
}

/** The three-node Patroni cluster of the failover test (scripts/engines/patroni.mjs), when installed. */
async function upPatroniCluster(s, owner) {
  if (!patroniInstalled()) {
    return {
      engine: 'patroni',
      url: 'apt-get install patroni etcd-server (the failover test is skipped)',
      state: 'missing',
    };
  }
  const { state, url, cluster } = await upPatroni({ basePort: s.patroniPort });
  if (state === 'started') {
    writeFileSync(pidFile(s, 'patroni'), JSON.stringify({ pid: cluster.etcdPid, url, owner }));
  }
  return { engine: 'patroni', url, state, stateFile: join(cluster.dir, 'cluster.json') };
}

/**
 * Makes sure NATS and FerretDB answer; prints one line per engine.
 * @param {{ lease?: boolean, nats?: boolean, ferretdb?: boolean, postgres?: boolean, patroni?: boolean,
 *           natsUrl?: string, ferretdbUrl?: string,
 *           dataDir?: string, cacheDir?: string, log?: (line: string) => void }} [options]
 *   lease: register this process as a user of the engines (Jest); engines it starts are then
 *   stopped by the last lease holder's `down({ lease: true })`.
 *   patroni: also start the three-node Patroni cluster of the failover test (HOTLINE_PATRONI_PORT, 5441).
 */
export async function up(options = {}) {
  const s = settings(options);
  mkdirSync(s.leaseDir, { recursive: true });
  const owner = options.lease ? 'lease' : 'manual';
  const results = await withLock(s.lockDir, async () => {
    // Written under the lock, before probing: a concurrent last-lease `down` then sees this run.
    if (options.lease) writeFileSync(join(s.leaseDir, String(process.pid)), '');
    const started = [];
    if (options.nats !== false) started.push(await upNats(s, owner));
    if (options.ferretdb !== false) started.push(await upFerretdb(s, owner));
    if (options.postgres !== false) started.push(await ensurePostgres(s.postgresUrl));
    if (options.patroni) started.push(await upPatroniCluster(s, owner));
    return started;
  });
  for (const r of results)
    s.log(`${r.engine.padEnd(9)} ${r.state.padEnd(8)} ${r.url}${r.pid ? ` (pid ${r.pid})` : ''}`);
  const by = (engine) => results.find((r) => r.engine === engine);
  return {
    natsUrl: s.nats.url,
    ferretdbUrl: s.ferretdb.url,
    postgresUrl: s.postgresUrl,
    patroni: by('patroni'),
    started: { nats: by('nats')?.state === 'started', ferretdb: by('ferretdb')?.state === 'started' },
  };
}

/**
 * Stops the engines this script started. With `lease: true` (Jest teardown) it drops this process's
 * lease and stops only engines started under a lease, and only when no other live run holds one.
 */
export async function down(options = {}) {
  const s = settings(options);
  return withLock(s.lockDir, async () => {
    if (options.lease) {
      rmSync(join(s.leaseDir, String(process.pid)), { force: true });
      const others = liveLeases(s.leaseDir).length;
      if (others > 0) {
        s.log(`engines  kept     (${others} other run${others > 1 ? 's' : ''} still use them)`);
        return;
      }
    }
    for (const [engine, binaryName] of [
      ['patroni', 'etcd'],
      ['ferretdb', 'ferretdb'],
      ['nats', 'nats-server'],
    ]) {
      const info = readPidFile(pidFile(s, engine), binaryName);
      if (!info) {
        rmSync(pidFile(s, engine), { force: true });
        continue;
      }
      if (options.lease && info.owner !== 'lease') {
        s.log(`${engine.padEnd(9)} kept     ${info.url} (started by hand: npm run engines:down stops it)`);
        continue;
      }
      if (engine === 'patroni') await downPatroni({ basePort: s.patroniPort });
      else await stopProcess(info.pid, binaryName);
      rmSync(pidFile(s, engine), { force: true });
      s.log(`${engine.padEnd(9)} stopped  ${info.url} (pid ${info.pid})`);
    }
  });
}

/** Drops this process's lease and leaves every engine running. */
export async function release(options = {}) {
  const s = settings(options);
  rmSync(join(s.leaseDir, String(process.pid)), { force: true });
  s.log('engines  kept     (HOTLINE_KEEP_ENGINES)');
}

export async function status(options = {}) {
  const s = settings(options);
  const nats = Boolean(await probeNats(s.nats.host, s.nats.port));
  const ferretdb = await pingMongo(s.ferretdb.url);
  for (const [engine, binaryName, running, url] of [
    ['nats', 'nats-server', nats, s.nats.url],
    ['ferretdb', 'ferretdb', ferretdb, s.ferretdb.url],
  ]) {
    const info = readPidFile(pidFile(s, engine), binaryName);
    const how = info ? `started by this script (pid ${info.pid}, ${info.owner})` : running ? 'not ours' : '';
    s.log(`${engine.padEnd(9)} ${(running ? 'up' : 'down').padEnd(8)} ${url} ${how}`.trimEnd());
  }
  s.log(`leases    ${liveLeases(s.leaseDir).length}`);
  return { nats, ferretdb };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const commands = { up, down, status };
  const command = commands[process.argv[2] ?? ''];
  if (!command) {
    console.error('usage: node scripts/engines.mjs up|down|status');
    process.exitCode = 2;
  } else {
    command().catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
  }
}
