// Builds nats-server from its Go module into the cache (the machine's Debian package is older than the
// version the tests of permissions and clustering pin). Like FerretDB: a throwaway module that requires
// the exact version, then `go build` of its main package (`go install …@version` asks the proxy for a
// version list this proxy refuses).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goBinary, runGo } from './go-tools.mjs';

export const NATS_SERVER_VERSION = 'v2.15.3';
const MODULE = 'github.com/nats-io/nats-server/v2';

/** True when the binary at `path` starts and reports the version. */
export function natsServerUsable(path, version = NATS_SERVER_VERSION) {
  if (!existsSync(path)) return false;
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 && probe.stdout.includes(version);
}

/** The cached nats-server of NATS_SERVER_VERSION, built the first time (a few minutes). */
export function natsServerBinary({
  binDir = join(process.env.HOTLINE_CACHE ?? join(homedir(), '.cache/hotline'), 'bin'),
  log = (line) => console.error(line),
} = {}) {
  const binary = join(binDir, `nats-server-${NATS_SERVER_VERSION}`);
  if (natsServerUsable(binary)) return binary;
  const go = goBinary('nats-server');
  const work = mkdtempSync(join(tmpdir(), 'hotline-nats-build-'));
  try {
    log(`nats-server: building ${MODULE}@${NATS_SERVER_VERSION} with ${go} (once; cached in ${binDir})`);
    runGo(go, ['mod', 'init', 'hotline.local/nats-build'], work);
    runGo(go, ['get', `${MODULE}@${NATS_SERVER_VERSION}`], work);
    mkdirSync(binDir, { recursive: true });
    const partial = `${binary}.partial-${process.pid}`;
    runGo(go, ['build', '-trimpath', '-o', partial, MODULE], work, { GOTOOLCHAIN: 'local' });
    renameSync(partial, binary);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) console.log(natsServerBinary());
