import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { gatewayService } from '@hotline/gateway';
import { workflowService } from '@hotline/workflow';
import { people, readModelSnapshot, runClosedLoop } from './testing/case-loop';
import { HotlineHttp } from './testing/hotline-http';

const script = join(__dirname, '../../scripts/sqlite-backup.mjs');
const run = promisify(execFile);
const sqliteBackup = (...args: string[]) => run(process.execPath, [script, ...args]);

describe('Online backup and restore of the embedded SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-backup-e2e-'));
  const platforms: BootedPlatform[] = [];

  const start = async (data: string): Promise<HotlineHttp> => {
    const running = await bootPlatform([workflowService, gatewayService], {
      dir: data,
      env: { LOG_LEVEL: 'warn' },
    });
    platforms.push(running);
    const http = new HotlineHttp(running.url);
    await http.waitUntilReady();
    return http;
  };

  afterAll(async () => {
    for (const running of platforms) await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while commands run, and the restored platform starts with every case the backup holds', async () => {
    const live = await start(join(dir, 'live'));
    const loop = await runClosedLoop(live);
    const before = await readModelSnapshot(live, loop);

    // The backup runs while another closed loop writes to both files.
    const [, backedUp] = await Promise.all([
      runClosedLoop(live),
      sqliteBackup('backup', '--data', join(dir, 'live'), '--to', join(dir, 'backup')),
    ]);
    expect(backedUp.stdout).toContain('"name":"events.db"');
    await platforms.pop()?.close();

    await sqliteBackup('restore', '--from', join(dir, 'backup'), '--data', join(dir, 'restored'));
    await expect(
      sqliteBackup('restore', '--from', join(dir, 'backup'), '--data', join(dir, 'restored')),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('--force') });

    const events = new DatabaseSync(join(dir, 'restored', 'events.db'), { readOnly: true });
    const { n: registered } = events
      .prepare(`SELECT count(*) AS n FROM events WHERE type = 'CaseRegistered'`)
      .get() as { n: number };
    events.close();
    expect(registered).toBeGreaterThanOrEqual(1);

    const restored = await start(join(dir, 'restored'));
    // The first case as it was; the second one as far as the backup caught it (counts may differ).
    const after = await readModelSnapshot(restored, loop);
    for (const view of ['detail', 'detailForUnit', 'timeline', 'units', 'catalogue', 'citizen'])
      expect(after[view]).toEqual(before[view]);
    const all = await restored.ok('GET', '/api/cases?pageSize=100', { as: people.center });
    expect(all.total).toBe(registered);
  });
});
