import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * What the console's build is made of: its own sources and the contracts it imports (the IVR engine,
 * the schemas). Test files are left out: they never reach the bundle, and changing one must not
 * cost a rebuild.
 */
const BUILD_INPUTS = [
  'services/console/src',
  'services/console/public',
  'services/console/index.html',
  'services/console/vite.config.ts',
  'services/console/package.json',
  'contracts/src',
  'contracts/package.json',
  'package-lock.json',
];
/** The repository root (services/console/src/e2e → four levels up). */
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.tsx?$/;
const CACHE = join(tmpdir(), 'hotline-console-builds');
/** Builds of other source states are kept this long, so that a suite copying one is never raced. */
const KEEP_MS = 24 * 3600_000;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return TEST_FILE.test(path) ? [] : [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => files(join(path, entry)));
}

/** A digest of every build input's path and bytes. */
export function consoleSourceDigest(): string {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((input) => files(join(REPO_ROOT, input)))) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function pruneOldBuilds(keep: string): void {
  for (const entry of existsSync(CACHE) ? readdirSync(CACHE) : []) {
    const path = join(CACHE, entry);
    if (entry !== keep && Date.now() - statSync(path).mtimeMs > KEEP_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The console built as users get it, copied into `outDir` (a suite's own folder, so that nothing can
 * pull chunks away under a running test). The Vite build (about 40 s on 2 cores) runs once per source
 * state: the first browser suite of a run builds into a cache keyed by the digest of the build's
 * inputs, the others copy it. A build is written under a temporary name and renamed into place, so
 * a suite never copies half a build, and two runs building at once both end with a whole one.
 */
export function buildConsoleInto(outDir: string): void {
  const digest = consoleSourceDigest();
  const built = join(CACHE, digest);
  if (!existsSync(join(built, 'index.html'))) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${built}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build-console.mjs'), '--out-dir', partial], {
      stdio: 'inherit',
    });
    try {
      renameSync(partial, built);
    } catch {
      // Another run renamed its own build of the same sources into place first: keep that one.
      rmSync(partial, { recursive: true, force: true });
    }
    pruneOldBuilds(digest);
  }
  cpSync(built, outDir, { recursive: true });
}
