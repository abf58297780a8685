// The committed lockfile must satisfy `npm ci` on a fresh clone (`.ci/run` has no fallback to
// `npm install`). A dry run over the manifests alone is what npm checks first, without the network.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..');

/** The workspace folders named by the root manifest (`services/*` style globs, one level deep). */
function workspaceFolders(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return manifest.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .filter((folder) => {
        try {
          readFileSync(join(REPO_ROOT, folder, 'package.json'));
          return true;
        } catch {
          return false;
        }
      });
  });
}

describe('package-lock.json', () => {
  it('is in sync with every workspace manifest, so `npm ci` installs from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-lockfile-'));
    try {
      copyFileSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
      copyFileSync(join(REPO_ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
      for (const folder of workspaceFolders()) {
        mkdirSync(join(dir, folder), { recursive: true });
        copyFileSync(join(REPO_ROOT, folder, 'package.json'), join(dir, folder, 'package.json'));
      }
      let failure = '';
      try {
        execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
          cwd: dir,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        const { stderr } = error as { stderr?: string };
        failure = (stderr ?? String(error))
          .split('\n')
          .filter((line) => line.includes('Missing') || line.includes('Invalid') || line.includes('code E'))
          .join('\n');
        failure ||= String(error);
      }
      expect(failure).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
