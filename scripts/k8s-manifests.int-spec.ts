/**
 * The Kubernetes manifests, checked offline: every overlay renders with kustomize and every object
 * decodes strictly into its Kubernetes API type and keeps the policies (k8s/check). The broken
 * overlays below prove the checker refuses what it must.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** `node scripts/k8s-check.mjs <dirs>` (the same command as CI's step): its exit status and output. */
function check(dirs: string[] = []): { status: number; output: string } {
  const result = spawnSync(process.execPath, ['scripts/k8s-check.mjs', ...dirs], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

const overlays = (): string[] =>
  readdirSync(join(ROOT, 'k8s/overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `k8s/overlays/${entry.name}`);

const base = resolve(__dirname, '../k8s/base');

/** An overlay of the base in a temporary folder, with one JSON patch on one object (`Kind/name`). */
function brokenOverlay(patch: string, target = 'Deployment/gateway'): string {
  const [kind, name] = target.split('/');
  const dir = mkdtempSync(join(tmpdir(), 'hotline-k8s-'));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    [
      'resources: [' + relative(dir, base) + ']',
      'patches:',
      `  - target: { kind: ${kind}, name: ${name} }`,
      '    patch: |-',
      ...patch.split('\n').map((line) => `      ${line}`),
      '',
    ].join('\n'),
  );
  return dir;
}

describe('Kubernetes manifests', () => {
  jest.setTimeout(15 * 60_000);

  it('renders and validates every overlay', () => {
    const result = check();
    expect(result.output).not.toContain('FAIL');
    expect(result.status).toBe(0);
    for (const overlay of overlays()) expect(result.output).toContain(`ok   ${overlay}:`);
    expect(overlays().map((o) => o.split('/').pop())).toEqual(
      expect.arrayContaining(['production', 'district-example', 'xinchuang', 'kurrentdb-mongodb']),
    );
  });

  it.each([
    [
      'a misspelt field',
      '- { op: add, path: /spec/template/spec/containers/0/readinesProbe, value: {} }',
      /unknown field/,
    ],
    ['a field of the wrong type', '- { op: replace, path: /spec/replicas, value: "two" }', /replicas/],
    [
      'the tag latest',
      '- { op: replace, path: /spec/template/spec/containers/0/image, value: "docker.io/x/y:latest" }',
      /latest/,
    ],
    [
      'a missing memory limit',
      '- { op: remove, path: /spec/template/spec/containers/0/resources/limits }',
      /limits.memory/,
    ],
    [
      'a root user',
      '- { op: replace, path: /spec/template/spec/securityContext/runAsUser, value: 0 }',
      /user 0/,
    ],
    [
      'no readiness probe',
      '- { op: remove, path: /spec/template/spec/containers/0/readinessProbe }',
      /readinessProbe/,
    ],
    [
      'a missing ConfigMap',
      '- { op: add, path: /spec/template/spec/containers/0/envFrom/-, value: { configMapRef: { name: nowhere } } }',
      /ConfigMap "nowhere"/,
    ],
    [
      'a missing PersistentVolumeClaim',
      '- { op: add, path: /spec/template/spec/volumes/-, value: { name: lost, persistentVolumeClaim: { claimName: nowhere } } }',
      /PersistentVolumeClaim "nowhere" is not in the overlay/,
    ],
    [
      'a volume of one node shared by replicas',
      '- { op: replace, path: /spec/accessModes, value: [ReadWriteOnce] }',
      /"hotline-files" is shared by 2 replicas but is not ReadWriteMany/,
      'PersistentVolumeClaim/hotline-files',
    ],
  ])('refuses %s', (_what, patch, expected, target = 'Deployment/gateway') => {
    const dir = brokenOverlay(patch, target);
    try {
      const result = check([dir]);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
