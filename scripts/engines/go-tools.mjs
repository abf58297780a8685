// Go for the tools the project builds once into the cache (FerretDB, the manifest checker, nats-server).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function goBinary(what = 'this tool') {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (probe.status === 0) return 'go';
  if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  throw new Error(`${what} must be built with Go, and no \`go\` was found (install Go >= 1.26)`);
}

export function runGo(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-buildvcs=false', ...env },
  });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}
