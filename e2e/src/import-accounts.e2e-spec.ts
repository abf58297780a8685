import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayService } from '@hotline/gateway';
import { signIn } from '@hotline/gateway/testing';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { intakeService } from '@hotline/intake';
import { workflowService } from '@hotline/workflow';

const ROOT = join(__dirname, '../..');

describe('npm run accounts:import [embedded: the whole platform]', () => {
  let running: BootedPlatform;
  const dir = mkdtempSync(join(tmpdir(), 'hotline-import-'));

  /** Runs the import script on `content` as the demo city admin; answers its exit code and output. */
  const runImport = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/import-accounts/import-accounts.ts', file],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HOTLINE_URL: running.url,
          HOTLINE_IMPORT_USERNAME: 'city-admin',
          HOTLINE_IMPORT_PASSWORD: 'Hotline@12345',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, stdout, stderr })),
    );
  };
  const accountNames = async (): Promise<string[]> => {
    const session = await signIn(running.url, 'city-admin');
    const response = await fetch(`${running.url}/api/accounts`, { headers: session });
    return ((await response.json()) as Array<{ username: string }>).map((a) => a.username);
  };

  beforeAll(async () => {
    const gateway = createGatewayService({
      auth: { env: { HOTLINE_INSECURE_COOKIES: 'true', HOTLINE_RATE_LIMIT_BURST: '400' } },
    });
    running = await bootPlatform([workflowService, intakeService, gateway]);
  });
  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports nothing from a file with a bad line, naming each line and field', async () => {
    const result = await runImport(
      'bad.csv',
      'username,displayName,role,districtId\nimport-ok,好,agent,city\nimport-bad,坏,mayor,city\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3: role:');
    expect(result.stderr).toContain('nothing was imported');
    expect(await accountNames()).not.toContain('import-ok');
  });

  it('creates the accounts of a CSV file, prints generated passwords once, and changes nothing when run again', async () => {
    const csv = [
      'username,displayName,role,districtId,unitId,password',
      'import-agent,李明,agent,city,,',
      'import-handler,王芳,unit-handler,gulou,gulou-dongjie,Init-Passw0rd!',
      'agent,已有,agent,city,,',
    ].join('\n');
    const first = await runImport('accounts.csv', csv);
    expect(first.stderr).toContain('2 created, 1 existed, 0 refused');
    expect(first.code).toBe(0);
    const [username, generated] = first.stdout.trim().split('\t');
    expect(username).toBe('import-agent');

    for (const [name, password] of [
      ['import-agent', generated as string],
      ['import-handler', 'Init-Passw0rd!'],
    ] as const) {
      const response = await fetch(`${running.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: name, password }),
      });
      expect(response.status).toBe(200);
      expect(
        ((await response.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword,
      ).toBe(true);
    }

    const again = await runImport('accounts.csv', csv);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 created, 3 existed, 0 refused');
  });
});
