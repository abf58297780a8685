// A small process supervisor for `npm run start:distributed`, doing locally what Kubernetes does for
// the pods: a child that dies is started again after a backoff (1 s, doubling up to 30 s; back to
// 1 s once it has stayed up for a minute), and the others keep serving meanwhile. Each restart is
// logged with the child's exit code or signal and the delay. SIGINT/SIGTERM stop every child.
import { spawn } from 'node:child_process';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** Copies a child's output line by line, each line prefixed with the child's name. */
function prefixLines(name, stream, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`${name.padEnd(9)}| ${line}\n`);
  });
}

/**
 * Starts every child and keeps it running.
 * @param {Array<{ name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv,
 *                 note?: string, once?: boolean }>} specs  `note` follows the "started" line (where its
 *   health is); a `once` child (a one-shot job) is done when it exits 0 and restarted only on failure
 * @param {{ log?: (line: string) => void, firstDelayMs?: number, maxDelayMs?: number }} [options]
 */
export function supervise(specs, options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const firstDelayMs = options.firstDelayMs ?? FIRST_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? MAX_DELAY_MS;
  const running = new Map();
  let stopping = false;

  const start = (spec, delayMs) => {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const startedAt = Date.now();
    running.set(spec.name, child);
    prefixLines(spec.name, child.stdout, process.stdout);
    prefixLines(spec.name, child.stderr, process.stderr);
    console.log(
      `started ${spec.name} (pid ${child.pid})${spec.describe ? ` ${spec.describe(child.pid)}` : ''}`,
    );
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (spec.once && code === 0) {
        running.delete(spec.name);
        log(`${spec.name} finished`);
        return;
      }
      // A child that ran for a while is healthy again: its next crash restarts it quickly.
      const next = Date.now() - startedAt >= HEALTHY_AFTER_MS ? firstDelayMs : delayMs;
      log(
        `${spec.name} exited (${signal ?? `code ${code}`}); restarting it in ${next / 1000} s, the others keep serving`,
      );
      const timer = setTimeout(() => {
        if (!stopping) start(spec, Math.min(next * 2, maxDelayMs));
      }, next);
      running.set(spec.name, { timer });
    });
  };
  for (const spec of specs) start(spec, firstDelayMs);

  /** Stops every child (SIGTERM, then exit when all are gone or after 30 s). */
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    const children = [];
    for (const entry of running.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      else children.push(entry);
    }
    for (const child of children) child.kill('SIGTERM');
    const timer = setTimeout(() => process.exit(code), STOP_TIMEOUT_MS);
    timer.unref();
    const check = setInterval(() => {
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
        clearInterval(check);
        process.exit(code);
      }
    }, 100);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  return { stop };
}
