// `node scripts/image/build-rootfs.mjs <out dir>`: the application folder of the container image
// (/app in the Dockerfile, whose build stage runs exactly this), built without a container engine:
//
//   1. the workspaces' package.json files and sources, without tests;
//   2. every TypeScript file compiled to JavaScript with SWC (the project's .swcrc: decorators and
//      their metadata), the workspaces' `main`/`exports` pointed at the .js files;
//   3. the web console built by Vite into services/console/dist (the gateway serves it);
//   4. production dependencies only (`npm ci --omit=dev`): no TypeScript, Jest, Vite, Nx at run time.
//
// A service then runs as `node services/<name>/src/main.js` (k8s `args`). Needs the development
// dependencies of the checkout (run after `npm ci`).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.tsx?$/;

/** The workspace folders of the root package.json (`services/*` expanded one level). */
function workspaces() {
  const { workspaces: patterns } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return patterns.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter(
            (e) => e.isDirectory() && existsSync(join(ROOT, pattern.slice(0, -2), e.name, 'package.json')),
          )
          .map((e) => `${pattern.slice(0, -2)}/${e.name}`)
      : [pattern],
  );
}

function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

/** Sources of a workspace without its tests (a test's fixtures are not needed at run time). */
function copySources(workspace, out) {
  const from = join(ROOT, workspace);
  cpSync(join(from, 'package.json'), join(out, workspace, 'package.json'));
  if (!existsSync(join(from, 'src'))) return;
  cpSync(join(from, 'src'), join(out, workspace, 'src'), {
    recursive: true,
    filter: (path) => !TEST_FILE.test(path) && !path.includes(`${join('src', 'e2e')}`),
  });
}

function compile(out, log) {
  const swc = require('@swc/core');
  const options = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8'));
  let files = 0;
  walk(out, (path) => {
    if (!path.endsWith('.ts') || path.endsWith('.d.ts') || path.includes('node_modules')) return;
    const { code, map } = swc.transformFileSync(path, { ...options, swcrc: false, filename: path });
    const target = path.replace(/\.ts$/, '.js');
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
    rmSync(path);
    files += 1;
  });
  log(`image: compiled ${files} TypeScript files`);
}

/** `main` and `exports` of a workspace point at the compiled files. */
function pointAtJs(packageJson) {
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8'));
  const js = (value) =>
    typeof value === 'string'
      ? value.replace(/\.ts$/, '.js')
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, js(v)]));
  if (manifest.main) manifest.main = js(manifest.main);
  if (manifest.exports) manifest.exports = js(manifest.exports);
  writeFileSync(packageJson, `${JSON.stringify(manifest, null, 2)}\n`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}`);
}

export async function buildRootfs(out, { log = (line) => console.error(line) } = {}) {
  out = resolve(out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', '.swcrc'])
    cpSync(join(ROOT, file), join(out, file));
  const folders = workspaces();
  for (const workspace of folders) {
    if (workspace === 'services/console')
      cpSync(join(ROOT, workspace, 'package.json'), join(out, workspace, 'package.json'));
    else copySources(workspace, out);
  }
  compile(out, log);
  for (const workspace of folders) pointAtJs(join(out, workspace, 'package.json'));
  const { buildConsole } = await import(pathToFileURL(join(ROOT, 'scripts/build-console.mjs')).href);
  await buildConsole({ outDir: join(out, 'services/console/dist') });
  log('image: installing production dependencies (npm ci --omit=dev)');
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], out);
  rmSync(join(out, '.swcrc'));
  let bytes = 0;
  walk(out, (path) => (bytes += statSync(path).size));
  log(`image: ${relative(process.cwd(), out) || out} holds ${(bytes / 1024 / 1024).toFixed(0)} MiB`);
  return out;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/image/build-rootfs.mjs <out dir>');
    process.exitCode = 2;
  } else {
    buildRootfs(out).catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
  }
}
