// Backup and point-in-time restore of the PostgreSQL event store: a base backup plus the WAL archive
// that the server's `archive_command` fills (docs/operations.md, "Backup and restore").
//
//   node scripts/postgres-backup.mjs base    --url postgres://user@host:port/postgres --to /backup/base-2026-12-06
//   node scripts/postgres-backup.mjs restore --base /backup/base-2026-12-06 --wal /backup/wal \
//        --to /var/lib/postgresql/15/restored [--target-time '2026-12-06 21:30:00+08']
//
// `base` runs pg_basebackup (tar, compressed, with the WAL needed to make it consistent). `restore`
// unpacks it into an empty data directory and writes the recovery settings: replay from the archive up
// to the target time (or to the end of the archive) and promote, with archiving off. Start PostgreSQL on that directory
// (pg_ctl -D <dir> start) to run the recovery. Run both as the database's OS user (postgres).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function baseBackup({ url, to }) {
  if (!url || !to) throw new Error('base: --url and --to are required');
  if (existsSync(to) && readdirSync(to).length > 0) throw new Error(`base: ${to} is not empty`);
  execFileSync(
    join(PG_BIN, 'pg_basebackup'),
    ['-d', url, '-D', to, '-Ft', '-z', '-X', 'fetch', '--checkpoint=fast'],
    {
      stdio: 'inherit',
    },
  );
  return to;
}

export function restore({ base, wal, to, targetTime }) {
  if (!base || !wal || !to) throw new Error('restore: --base, --wal and --to are required');
  if (existsSync(to) && readdirSync(to).length > 0) throw new Error(`restore: ${to} is not empty`);
  mkdirSync(to, { recursive: true, mode: 0o700 });
  execFileSync('tar', ['-xzf', join(base, 'base.tar.gz'), '-C', to]);
  const walArchive = resolve(wal);
  const settings = [
    '',
    '# Point-in-time restore (scripts/postgres-backup.mjs)',
    `restore_command = 'cp ${walArchive}/%f %p'`,
    ...(targetTime ? [`recovery_target_time = '${targetTime.replaceAll("'", "''")}'`] : []),
    "recovery_target_action = 'promote'",
    // The copy must not write its new timeline into the archive it restores from (a later restore
    // to the end would follow that timeline): archive again, to a new archive, once it is checked.
    "archive_mode = 'off'",
    '',
  ];
  appendFileSync(join(to, 'postgresql.auto.conf'), settings.join('\n'));
  writeFileSync(join(to, 'recovery.signal'), '');
  return to;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === `file://${resolve(process.argv[1])}`;
if (invokedDirectly) {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      url: { type: 'string' },
      to: { type: 'string' },
      base: { type: 'string' },
      wal: { type: 'string' },
      'target-time': { type: 'string' },
    },
  });
  try {
    if (command === 'base') console.log(`base backup in ${baseBackup(values)}`);
    else if (command === 'restore') {
      const dir = restore({ ...values, targetTime: values['target-time'] });
      console.log(`restored into ${dir}; start it with: ${join(PG_BIN, 'pg_ctl')} -D ${dir} start`);
    } else {
      console.error('usage: node scripts/postgres-backup.mjs base|restore …');
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
