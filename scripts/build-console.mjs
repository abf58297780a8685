// Builds the web console (services/console) into services/console/dist with Vite.
// `--if-missing` skips the build when dist/index.html is newer than every source file, so
// `npm start` builds once and then starts at once. `--out-dir <dir>` builds elsewhere (the browser
// tests build their own copy, served through HOTLINE_CONSOLE_DIR, so no other build can swap
// the files under a running test).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'services', 'console');
const built = join(root, 'dist', 'index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(root, p));

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

export function consoleIsBuilt() {
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestChange));
}

export async function buildConsole({
  ifMissing = false,
  outDir,
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  if (ifMissing && outDir === undefined && consoleIsBuilt()) return false;
  log(`building the console (vite build services/console${outDir ? ` into ${outDir}` : ''})…`);
  const { build } = await import('vite');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Built as users get it: a NODE_ENV the caller passes on (jest sets `test`) makes a test build, in
  // which antd gives every generated id the value `test-id`, so a dialog's name points elsewhere.
  process.env.NODE_ENV = 'production';
  const at = process.argv.indexOf('--out-dir');
  await buildConsole({
    ifMissing: process.argv.includes('--if-missing'),
    ...(at > 0 && process.argv[at + 1] ? { outDir: process.argv[at + 1] } : {}),
  });
}
