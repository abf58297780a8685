import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { newEvents } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const REPO_ROOT = join(__dirname, '../../../..');
const SCRIPT = join(REPO_ROOT, 'scripts/postgres-backup.mjs');
const PORT = 5461;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** initdb and postgres refuse root: as root, commands run as the postgres user. */
const asRoot = process.getuid?.() === 0;
function run(binary: string, args: string[]): string {
  const [file, argv] = asRoot
    ? ['/usr/bin/setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', binary, ...args]]
    : [binary, args];
  return execFileSync(file, argv, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

async function query<R>(database: string, sql: string): Promise<R[]> {
  const client = new Client({ host: '127.0.0.1', port: PORT, user: 'postgres', database });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}

const url = `postgres://postgres@127.0.0.1:${PORT}/hotline`;

if (!existsSync(join(PG_BIN, 'initdb'))) {
  describe.skip(`PostgreSQL backup and restore — skipped: no PostgreSQL 15 binaries in ${PG_BIN}`, () => {
    it.todo('restores a base backup and the WAL archive to a point in time');
  });
} else {
  describe('PostgreSQL backup and point-in-time restore [scripts/postgres-backup.mjs]', () => {
    let dir: string;
    const dataDirs: string[] = [];

    const start = async (data: string) => {
      dataDirs.push(data);
      run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', `${data}.log`, '-w', 'start']);
      // Recovery accepts read-only connections before it reaches its target: wait for the promotion.
      for (let i = 0; i < 300; i++) {
        const [row] = await query<{ r: boolean }>('postgres', 'SELECT pg_is_in_recovery() AS r').catch(
          () => [],
        );
        if (row?.r === false) return;
        await sleep(100);
      }
      throw new Error(`PostgreSQL on ${data} did not finish its recovery`);
    };
    const stop = (data: string) => run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-pg-backup-'));
      if (asRoot)
        chownSync(
          dir,
          Number(execFileSync('id', ['-u', 'postgres'])),
          Number(execFileSync('id', ['-g', 'postgres'])),
        );
      run('/usr/bin/mkdir', [join(dir, 'wal')]);
      run(join(PG_BIN, 'initdb'), [
        '-D',
        join(dir, 'primary'),
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
      ]);
      appendFileSync(
        join(dir, 'primary', 'postgresql.conf'),
        [
          `port = ${PORT}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'wal_level = replica',
          'archive_mode = on',
          `archive_command = 'test ! -f ${dir}/wal/%f && cp %p ${dir}/wal/%f'`,
          '',
        ].join('\n'),
      );
    });
    afterAll(() => {
      for (const data of dataDirs) {
        try {
          stop(data);
        } catch {
          // not running
        }
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores the base backup and the WAL archive to a point in time, and to the end', async () => {
      await start(join(dir, 'primary'));
      await query('postgres', 'CREATE DATABASE hotline');
      const store = await PostgresEventStore.open({ url });
      const [first, second, third] = [newEvents(5), newEvents(5), newEvents(5)];
      await store.append('case-1', first, 'noStream');

      run(process.execPath, [
        SCRIPT,
        'base',
        '--url',
        `postgres://postgres@127.0.0.1:${PORT}/postgres`,
        '--to',
        join(dir, 'base'),
      ]);
      expect(readdirSync(join(dir, 'base'))).toContain('base.tar.gz');

      await store.append('case-1', second, 4);
      await sleep(1100);
      const [{ t: target }] = (await query<{ t: string }>(
        'postgres',
        "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US TZH') AS t",
      )) as [{ t: string }];
      await sleep(1100);
      await store.append('case-2', third, 'noStream');
      const original = await store.readAll();
      await store.close();
      // Close the WAL segment holding the last append so that it is archived, then stop.
      const [{ seg }] = (await query<{ seg: string }>(
        'postgres',
        'SELECT pg_walfile_name(pg_switch_wal()) AS seg',
      )) as [{ seg: string }];
      for (let i = 0; i < 100 && !existsSync(join(dir, 'wal', seg)); i++) await sleep(100);
      stop(join(dir, 'primary'));
      dataDirs.length = 0;

      const restoreTo = async (name: string, targetTime?: string) => {
        const args = [
          SCRIPT,
          'restore',
          '--base',
          join(dir, 'base'),
          '--wal',
          join(dir, 'wal'),
          '--to',
          join(dir, name),
        ];
        run(process.execPath, targetTime ? [...args, '--target-time', targetTime] : args);
        await start(join(dir, name));
        const restored = await PostgresEventStore.open({ url });
        try {
          return await restored.readAll();
        } finally {
          await restored.close();
          stop(join(dir, name));
          dataDirs.length = 0;
        }
      };

      const atTarget = await restoreTo('to-target', target);
      expect(atTarget).toEqual(original.slice(0, 10));
      expect(atTarget.map((e) => e.id)).toEqual([...first, ...second].map((e) => e.id));

      const toEnd = await restoreTo('to-end');
      expect(toEnd).toEqual(original);
    }, 120_000);
  });
}
