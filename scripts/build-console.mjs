// Builds the web console (services/console) into services/console/dist with Vite.
// `--if-missing` skips the build when dist/index.html is newer than every source file, so
// `npm start` and the browser tests build once and then start at once.
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
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  if (ifMissing && consoleIsBuilt()) return false;
  log('building the console (vite build services/console)…');
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildConsole({ ifMissing: process.argv.includes('--if-missing') });
}
