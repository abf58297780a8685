// `node scripts/k8s-check.mjs [overlay dir…]`: renders every kustomize overlay (default: all of
// k8s/overlays) and checks each object against the Kubernetes API types and the platform's policies,
// offline. The checker is the Go program in k8s/check, built once into $HOTLINE_CACHE/bin under a name
// that changes with its sources (a changed checker is rebuilt; the first build downloads its modules).
// Without arguments it also checks the Prometheus rules of k8s/monitoring with promtool (`check rules`,
// then their unit tests with `test rules`); .ci/run installs promtool into $HOTLINE_CACHE/bin.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goBinary, runGo } from './engines/go-tools.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'k8s/check');
const MONITORING = join(ROOT, 'k8s/monitoring');
const cacheBin = () => join(process.env.HOTLINE_CACHE ?? join(homedir(), '.cache/hotline'), 'bin');

/** The cached checker binary, built when its sources changed. */
export function k8sCheckBinary({ log = (line) => console.error(line) } = {}) {
  const files = readdirSync(SOURCE).filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum');
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(file).update(readFileSync(join(SOURCE, file)));
  const binDir = cacheBin();
  const binary = join(binDir, `k8s-check-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(binDir, { recursive: true });
  log(`k8s-check: building k8s/check with Go (once; cached as ${binary})`);
  const partial = `${binary}.partial-${process.pid}`;
  runGo(goBinary('the manifest checker'), ['build', '-trimpath', '-o', partial, '.'], SOURCE);
  renameSync(partial, binary);
  return binary;
}

export const allOverlays = () =>
  readdirSync(join(ROOT, 'k8s/overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join('k8s/overlays', entry.name));

/** Runs the checker; resolves to its exit status and output. */
export function checkOverlays(dirs = allOverlays()) {
  const result = spawnSync(
    k8sCheckBinary(),
    dirs.map((dir) => relative(ROOT, resolve(ROOT, dir)) || '.'),
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** promtool from $HOTLINE_CACHE/bin (where .ci/run puts it) or the PATH; undefined when neither has it. */
function promtool() {
  const cached = join(cacheBin(), 'promtool');
  if (existsSync(cached)) return cached;
  return spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0 ? 'promtool' : undefined;
}

/** `promtool check rules` on every rule file, then `promtool test rules` on every test file. */
export function checkAlertRules() {
  const binary = promtool();
  if (binary === undefined)
    return {
      status: 1,
      output: "promtool not found: run the promtool step of .ci/run (Debian's prometheus package)\n",
    };
  const files = readdirSync(MONITORING).sort();
  const rules = files.filter((f) => f.endsWith('.rules.yaml'));
  const tests = files.filter((f) => f.endsWith('.test.yaml'));
  let output = '';
  for (const args of [
    ['check', 'rules', ...rules],
    ['test', 'rules', ...tests],
  ]) {
    const result = spawnSync(binary, args, { cwd: MONITORING, encoding: 'utf8' });
    output += `${result.stdout}${result.stderr}`;
    if (result.status !== 0) return { status: result.status ?? 1, output };
  }
  return { status: 0, output };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const { status, output } = checkOverlays(args.length > 0 ? args : undefined);
  process.stdout.write(output);
  process.exitCode = status;
  if (args.length === 0) {
    const alerts = checkAlertRules();
    process.stdout.write(alerts.output);
    if (alerts.status !== 0) process.exitCode = alerts.status;
  }
}
