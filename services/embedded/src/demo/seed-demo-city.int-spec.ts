import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@hotline/infra/event-store';

const ROOT = join(__dirname, '../../../..');

describe('seed-demo-city: the one-shot demo job of HOTLINE_DEMO=on in the distributed mode [a process, SQLite store]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-demo-job-'));
  const path = join(dir, 'events.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runJob = () =>
    spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'services/embedded/src/demo/seed-demo-city.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HOTLINE_MODE: 'distributed',
          EVENT_STORE: 'sqlite',
          EVENT_STORE_PATH: path,
          EVENT_STORE_DURABILITY: 'normal',
          LOG_LEVEL: 'warn',
        },
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
  const head = async (): Promise<number> => {
    const store = SqliteEventStore.open({ path, durability: 'normal' });
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };

  it('writes the demo city into the event store and exits 0; a second run sends no demo command again', async () => {
    const first = runJob();
    expect(first.stderr).not.toContain('fatal');
    expect(first.status).toBe(0);
    const afterFirst = await head();
    expect(afterFirst).toBeGreaterThan(2_000);
    const second = runJob();
    expect(second.status).toBe(0);
    // The job may exit before the workflow's last reactions to its commands are stored; a second run
    // lets them finish. What it must never do is send a demo command again.
    const store = SqliteEventStore.open({ path, durability: 'normal' });
    try {
      const later = await store.readAll({ fromPosition: afterFirst });
      expect(later.filter((e) => e.metadata.commandId?.startsWith('demo')).map((e) => e.type)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 500_000);
});
