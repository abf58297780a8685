// Builds FerretDB from its Go module into the cache. `go install …/cmd/ferretdb@v1.24.2` does not
// work here: the module proxy refuses the @v/list lookup of go install's deprecation check, and a
// build from the read-only module cache lacks build/version/version.txt (the binary then panics at
// start). So: download the exact version, copy it somewhere writable, add version.txt, build.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goBinary, runGo } from './go-tools.mjs';

const run = runGo;

/** True when the binary at `path` starts and reports the expected version. */
export function ferretdbUsable(path, version) {
  if (!existsSync(path)) return false;
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 && probe.stdout.includes(`version: ${version}`);
}

export function buildFerretdb({ binDir, version, module: modulePath, log }) {
  const go = goBinary('FerretDB');
  const work = mkdtempSync(join(tmpdir(), 'hotline-ferretdb-build-'));
  try {
    log(`ferretdb: building ${modulePath}@${version} with ${go} (once; cached in ${binDir})`);
    run(go, ['mod', 'init', 'hotline.local/ferretdb-build'], work);
    const downloaded = JSON.parse(run(go, ['mod', 'download', '-json', `${modulePath}@${version}`], work));
    const source = join(work, 'src');
    cpSync(downloaded.Dir, source, { recursive: true });
    chmodWritable(source);
    writeFileSync(join(source, 'build/version/version.txt'), `${version}\n`);
    mkdirSync(binDir, { recursive: true });
    const partial = join(binDir, `ferretdb.partial-${process.pid}`);
    run(go, ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], source);
    renameSync(partial, join(binDir, 'ferretdb'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Go's module cache is read-only; the copy's directories must be writable (version.txt, cleanup). */
function chmodWritable(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodWritable(join(dir, entry.name));
  }
}
