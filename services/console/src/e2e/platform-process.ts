import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsoleInto } from './console-build';

/** The repository root (services/console/src/e2e → four levels up). */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface RunningPlatform {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm start` as a person runs it: the embedded platform in its own process with demo data (and
 * the demo accounts), on a free port, over a fresh data directory. Cookies without Secure, since
 * the test talks plain HTTP to localhost.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-console-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'services/embedded/src/main.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HOTLINE_MODE: 'embedded',
        HOTLINE_DEMO: 'on',
        HOTLINE_DATA_DIR: dataDir,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        HOTLINE_INSECURE_COOKIES: 'true',
        EVENT_STORE_DURABILITY: 'normal',
        LOG_LEVEL: 'warn',
        HOTLINE_TRACE_EXPORTER: 'none',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the platform exited (${String(code)}) before listening:\n${output}`));
    });
  });
  // Ready once the demo city (accounts, units, cases) exists.
  for (;;) {
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null) throw new Error(`the platform exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The platform serving its own build of the console (built into `files`/console), so that a rebuild
 * of services/console/dist by another test cannot pull chunks away under this one.
 */
export async function startPlatformWithOwnConsole(
  files: string,
  env: Record<string, string> = {},
): Promise<RunningPlatform> {
  const consoleDir = join(files, 'console');
  buildConsoleInto(consoleDir);
  return startPlatform({ HOTLINE_CONSOLE_DIR: consoleDir, ...env });
}
