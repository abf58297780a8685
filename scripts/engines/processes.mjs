// Small process and file helpers for scripts/engines.mjs: pid files, leases, a cross-process lock,
// and readiness probes. Plain Node ESM so it runs on any Node >= 20 without a build step.
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A pid can be reused by an unrelated process; /proc tells us whether it is still the engine. */
function runs(pid, binaryName) {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(binaryName);
  } catch {
    return true;
  }
}

export function readPidFile(path, binaryName) {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8'));
    return Number.isInteger(info.pid) && runs(info.pid, binaryName) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a server that outlives this process (Jest's global setup exits long before the tests end). */
export function startDetached(binary, args, logFile) {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

export async function stopProcess(pid, binaryName, timeoutMs = 10_000) {
  if (!runs(pid, binaryName)) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/**
 * A lock shared by every process using the same data dir (several Jest runs may set up at once).
 * mkdir is atomic; a lock whose owner died is taken over.
 */
export async function withLock(dir, work, timeoutMs = 15 * 60_000) {
  const owner = join(dir, 'owner');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let pid = NaN;
      try {
        pid = Number(readFileSync(owner, 'utf8'));
      } catch {
        // The owner may be between mkdir and writing its pid: give it a moment, unless that was long ago.
        if (Date.now() - statSync(dir, { throwIfNoEntry: false })?.mtimeMs > 5_000) pid = 0;
      }
      if (pid === 0 || (Number.isInteger(pid) && pid > 0 && !isAlive(pid)))
        rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`engines: timed out waiting for the lock ${dir}`);
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Leases name the runs (Jest sessions) using engines this script started; dead owners are pruned. */
export function liveLeases(dir) {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = Number(name);
    if (Number.isInteger(pid) && isAlive(pid)) return true;
    rmSync(join(dir, name), { force: true });
    return false;
  });
}

/** Resolves to NATS's INFO line when a NATS server answers at host:port, else undefined. */
export function probeNats(host, port, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let buffer = '';
    const done = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.on('error', () => done(undefined));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end >= 0) done(buffer.startsWith('INFO ') ? buffer.slice(0, end) : undefined);
    });
  });
}

/** True when a MongoDB-compatible server at url answers `ping` within the timeout. */
export async function pingMongo(url, timeoutMs = 1_000) {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  // A server that accepts connections but never answers (a wedged FerretDB) must not hang us.
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs * 2)));
  const ping = (async () => {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  })().catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
    void client.close(true).catch(() => {});
  }
}

/**
 * Why a MongoDB-compatible server that answers `ping` still can't serve the tests (undefined when it
 * can): a FerretDB whose state directory was deleted under it answers pings but fails every write.
 */
export async function mongoWriteFailure(url, timeoutMs = 5_000) {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    const probe = client.db('hotline_engines_probe').collection('probe');
    await probe.insertOne({ at: new Date().toISOString() });
    await client.db('hotline_engines_probe').dropDatabase();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    void client.close(true).catch(() => {});
  }
}

/** Polls `check` until it returns a truthy value; fails early when the started process exits. */
export async function waitFor(what, check, child, logFile, timeoutMs = 30_000) {
  let exited;
  child?.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (exited !== undefined || Date.now() > deadline) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      } catch {
        // no log yet
      }
      const why = exited !== undefined ? `exited (${exited})` : `not ready after ${timeoutMs} ms`;
      throw new Error(`engines: ${what} ${why}; see ${logFile}\n${tail}`);
    }
    await sleep(100);
  }
}
