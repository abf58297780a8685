/**
 * The container image, verified without a container engine (none runs here or in CI): the
 * Dockerfile is linted for the rules below, and its build stage's script builds the /app folder,
 * from which a service is started with Node 24 and answers its health check and the console.
 * Not verified: the base image's own layers, the USER's file permissions inside the image, and the
 * image being pushed and pulled.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments left out. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });

/** Node 24 for the built files (Jest may run on whatever `node` came first on PATH). */
const node24 = (): string =>
  process.versions.node.startsWith('24.') ? process.execPath : join(ROOT, 'node_modules/.bin/node');

/** `args` of every Deployment in k8s/base/services, by service. */
const k8sArgs = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(ROOT, 'k8s/base/services')).map((file) => {
      const text = readFileSync(join(ROOT, 'k8s/base/services', file), 'utf8');
      return [file.replace(/\.yaml$/, ''), /args: \['([^']+)'\]/.exec(text)?.[1] ?? ''];
    }),
  );

describe('Dockerfile', () => {
  const froms = instructions.filter((i) => i.keyword === 'FROM');
  const finalStage = instructions.slice(instructions.lastIndexOf(froms[froms.length - 1]!));

  it('builds in one stage and runs from another, on pinned Node 24 images', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) {
      expect(from.args).toMatch(/^docker\.io\/library\/node:24\.\d+\.\d+-[a-z]+-slim(\s|$)/);
      expect(from.args).not.toMatch(/:latest/);
    }
  });

  it('runs as a numeric non-root user in the final stage', () => {
    const user = finalStage.filter((i) => i.keyword === 'USER').pop();
    expect(user?.args).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
  });

  it('uses exec-form ENTRYPOINT/CMD, npm ci (the lockfile), no ADD and no network downloads', () => {
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      const found = finalStage.find((i) => i.keyword === keyword);
      expect(found?.args).toMatch(/^\[.*\]$/);
    }
    expect(instructions.some((i) => i.keyword === 'ADD')).toBe(false);
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.join(' ')).toContain('npm ci');
    expect(runs.join(' ')).not.toMatch(/npm install|curl |wget /);
    expect(finalStage.filter((i) => i.keyword === 'RUN')).toEqual([]);
  });

  it('copies into the final stage only what the build stage made', () => {
    const copies = finalStage.filter((i) => i.keyword === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.args).toMatch(/^--from=build /);
  });

  it('keeps the checkout’s dependencies and data out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.git', 'data']));
  });
});

describe('the image’s /app folder (scripts/image/build-rootfs.mjs)', () => {
  jest.setTimeout(15 * 60_000);
  const work = mkdtempSync(join(tmpdir(), 'hotline-image-'));
  const app = join(work, 'app');

  beforeAll(() => {
    const built = spawnSync(node24(), ['scripts/image/build-rootfs.mjs', app], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build-rootfs failed:\n${built.stderr}${built.stdout}`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds production dependencies only and no TypeScript or tests', () => {
    for (const dev of ['typescript', 'jest', 'vite', 'nx', '@swc/core', 'playwright-core'])
      expect(existsSync(join(app, 'node_modules', dev))).toBe(false);
    for (const runtime of ['@nestjs/core', '@nats-io/transport-node', 'pg', 'mongodb'])
      expect(existsSync(join(app, 'node_modules', runtime))).toBe(true);
    const leftovers: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) leftovers.push(path);
      }
    };
    walk(app);
    expect(leftovers).toEqual([]);
  });

  it('has the entry point of every service the Kubernetes manifests start', () => {
    const workspaces = new Set(
      readdirSync(join(app, 'services'))
        .map((name) => `services/${name}`)
        .concat(['sipapp']),
    );
    for (const [service, entry] of Object.entries(k8sArgs())) {
      const workspace = entry.split('/src/')[0]!;
      // A service still being built elsewhere has its manifest before its workspace lands.
      if (!existsSync(join(ROOT, workspace, 'src/main.ts'))) continue;
      expect({ service, built: workspaces.has(workspace) && existsSync(join(app, entry)) }).toEqual({
        service,
        built: true,
      });
    }
  });

  it('has a Kubernetes Deployment for every service with a main', () => {
    const manifests = Object.values(k8sArgs());
    const mains = readdirSync(join(ROOT, 'services'))
      .filter((name) => existsSync(join(ROOT, 'services', name, 'src/main.ts')))
      .filter((name) => name !== 'embedded') // the one-process runner, not a pod
      .map((name) => `services/${name}/src/main.js`);
    expect(mains.filter((main) => !manifests.includes(main))).toEqual([]);
  });

  it('starts a service from the compiled files that serves its health check and the console', async () => {
    const data = join(work, 'data');
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(node24(), ['--enable-source-maps', 'services/embedded/src/main.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOTLINE_DEMO: 'off',
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        HOTLINE_DATA_DIR: data,
        LOG_LEVEL: 'warn',
        HOTLINE_TRACE_EXPORTER: 'none',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const deadline = Date.now() + 120_000;
      let status = 0;
      while (Date.now() < deadline && child.exitCode === null) {
        status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect({ status, stderr: status === 200 ? '' : stderr }).toEqual({ status: 200, stderr: '' });
      const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(page).toContain('lang="zh-CN"');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
