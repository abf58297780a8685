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

  it('writes the demo city into the event store and exits 0; a second run appends nothing', async () => {
    const first = runJob();
    expect(first.stderr).not.toContain('fatal');
    expect(first.status).toBe(0);
    const afterFirst = await head();
    expect(afterFirst).toBeGreaterThan(2_000);
    const second = runJob();
    expect(second.status).toBe(0);
    expect(await head()).toBe(afterFirst);
  }, 500_000);
});
