// A three-node PostgreSQL cluster on this machine for the failover test: Debian's `patroni` (3.0) and
// `etcd-server` (3.4), one etcd and three Patroni nodes on loopback, synchronous replication in strict
// mode (an acknowledged commit is on two nodes), pg_rewind so a killed leader can rejoin. Settings from
// /work/shared/ENGINES.md, found by trying them. As root the processes run as `postgres` (setpriv:
// initdb refuses root); otherwise as the current user. Ports: PostgreSQL base..base+2, REST
// base+3000.., etcd base-3000/base-2999 (defaults 5441–5443, 8441–8443, 2441/2442).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, startDetached, stopProcess, waitFor } from './processes.mjs';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const NODES = ['node1', 'node2', 'node3'];

export function patroniInstalled() {
  return (
    existsSync('/usr/bin/patroni') && existsSync('/usr/bin/etcd') && existsSync(join(PG_BIN, 'postgres'))
  );
}

/** Where a cluster on `basePort` keeps its state (a folder the postgres user can reach). */
export const clusterDir = (basePort) => join(tmpdir(), `hotline-patroni-${basePort}`);
const stateFile = (basePort) => join(clusterDir(basePort), 'cluster.json');

export function readCluster(basePort) {
  try {
    return JSON.parse(readFileSync(stateFile(basePort), 'utf8'));
  } catch {
    return undefined;
  }
}

const asPostgres = () => process.getuid?.() === 0;
const runAs = (binary, args) =>
  asPostgres()
    ? ['/usr/bin/setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', binary, ...args]]
    : [binary, args];

function ownedDir(path) {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (asPostgres()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(path, uid, gid);
  }
}

function nodeConfig(dir, name, index, basePort, etcdPort) {
  const pgPort = basePort + index;
  const restPort = basePort + 3000 + index;
  const home = join(dir, name);
  return `scope: hotline
namespace: /hotline-${basePort}/
name: ${name}
restapi:
  listen: 127.0.0.1:${restPort}
  connect_address: 127.0.0.1:${restPort}
etcd3:
  hosts: 127.0.0.1:${etcdPort}
bootstrap:
  dcs:
    ttl: 5
    loop_wait: 1
    retry_timeout: 2
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_log_hints: 'on'
        wal_retrieve_retry_interval: 500ms
        max_connections: 60
        max_wal_senders: 10
        max_replication_slots: 10
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - auth-host: trust
    - auth-local: trust
  pg_hba:
    - host replication all 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
    - local all all trust
postgresql:
  listen: 127.0.0.1:${pgPort}
  connect_address: 127.0.0.1:${pgPort}
  data_dir: ${join(home, 'data')}
  bin_dir: ${PG_BIN}
  pgpass: ${join(home, 'pgpass')}
  authentication:
    replication:
      username: postgres
      password: postgres
    superuser:
      username: postgres
      password: postgres
    rewind:
      username: postgres
      password: postgres
  parameters:
    unix_socket_directories: ${home}
`;
}

async function http(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  } catch {
    return { status: 0 };
  }
}

/** Leader, a synchronous standby and a streaming replica: the state the failover test starts from. */
export async function clusterReady(cluster) {
  const roles = await Promise.all(
    cluster.nodes.map(async (n) => ({
      leader: (await http(`http://127.0.0.1:${n.restPort}/leader`)).status === 200,
      sync: (await http(`http://127.0.0.1:${n.restPort}/sync`)).status === 200,
      replica: (await http(`http://127.0.0.1:${n.restPort}/replica`)).status === 200,
    })),
  );
  return (
    roles.filter((r) => r.leader).length === 1 &&
    roles.some((r) => r.sync) &&
    roles.filter((r) => r.replica).length === 2
  );
}

export const clusterUrl = (cluster) =>
  `postgres://postgres@${cluster.nodes.map((n) => `127.0.0.1:${n.pgPort}`).join(',')}/postgres`;

/** Starts one node's Patroni (again, after a kill: it rejoins as a replica, rewound if need be). */
export function startNode(cluster, name) {
  const node = cluster.nodes.find((n) => n.name === name);
  const [binary, args] = runAs('/usr/bin/patroni', [join(cluster.dir, `${name}.yml`)]);
  const child = startDetached(binary, args, join(cluster.dir, `${name}.log`));
  node.patroniPid = child.pid;
  writeFileSync(stateFile(cluster.basePort), JSON.stringify(cluster, null, 2));
  return child;
}

/**
 * Starts etcd and the three nodes, or reuses a cluster on the same ports that is ready.
 * @returns {Promise<{ state: 'started' | 'reused', url: string, cluster: object }>}
 */
export async function upPatroni({ basePort = 5441, log = () => {} } = {}) {
  const existing = readCluster(basePort);
  if (existing && (await clusterReady(existing)))
    return { state: 'reused', url: clusterUrl(existing), cluster: existing };
  if (existing) await downPatroni({ basePort });
  const dir = clusterDir(basePort);
  rmSync(dir, { recursive: true, force: true });
  ownedDir(dir);
  const etcdPort = basePort - 3000;
  const cluster = {
    dir,
    basePort,
    etcdPort,
    etcdPid: undefined,
    nodes: NODES.map((name, i) => ({
      name,
      pgPort: basePort + i,
      restPort: basePort + 3000 + i,
      patroniPid: undefined,
    })),
  };
  ownedDir(join(dir, 'etcd'));
  const [etcdBinary, etcdArgs] = runAs('/usr/bin/etcd', [
    '--name=hotline',
    `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
    `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
    `--listen-peer-urls=http://127.0.0.1:${etcdPort + 1}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPort + 1}`,
    `--initial-cluster=hotline=http://127.0.0.1:${etcdPort + 1}`,
    '--log-level=warn',
  ]);
  const etcdLog = join(dir, 'etcd.log');
  const etcd = startDetached(etcdBinary, etcdArgs, etcdLog);
  cluster.etcdPid = etcd.pid;
  writeFileSync(stateFile(basePort), JSON.stringify(cluster, null, 2));
  await waitFor(
    'etcd',
    async () => (await http(`http://127.0.0.1:${etcdPort}/health`)).status === 200,
    etcd,
    etcdLog,
  );
  for (const [i, node] of cluster.nodes.entries()) {
    ownedDir(join(dir, node.name));
    writeFileSync(join(dir, `${node.name}.yml`), nodeConfig(dir, node.name, i, basePort, etcdPort));
    startNode(cluster, node.name);
    // The first node bootstraps the cluster; the others clone it once it leads.
    if (i === 0)
      await waitFor(
        'patroni leader',
        async () => (await http(`http://127.0.0.1:${node.restPort}/leader`)).status === 200,
        undefined,
        join(dir, `${node.name}.log`),
        60_000,
      );
  }
  await waitFor('patroni cluster', () => clusterReady(cluster), undefined, join(dir, 'node2.log'), 90_000);
  log(`patroni  started  ${clusterUrl(cluster)} (etcd on ${etcdPort}, state in ${dir})`);
  return { state: 'started', url: clusterUrl(cluster), cluster };
}

/** Stops the nodes (Patroni stops its PostgreSQL), then etcd, and removes the cluster's files. */
export async function downPatroni({ basePort = 5441 } = {}) {
  const cluster = readCluster(basePort);
  if (!cluster) return false;
  await Promise.all(
    cluster.nodes.map((n) => (n.patroniPid ? stopProcess(n.patroniPid, 'patroni', 20_000) : false)),
  );
  for (const node of cluster.nodes) {
    // A postmaster left behind (its Patroni was killed) is stopped by its pid file.
    const pidFile = join(cluster.dir, node.name, 'data', 'postmaster.pid');
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    }
  }
  if (cluster.etcdPid) await stopProcess(cluster.etcdPid, 'etcd');
  rmSync(cluster.dir, { recursive: true, force: true });
  return true;
}
