#!/usr/bin/env node
/**
 * Online backup and restore of the embedded platform's data directory (docs/operations.md):
 *
 *   npm run backup:sqlite -- --to <backup dir> [--data <data dir>]
 *   npm run restore:sqlite -- --from <backup dir> [--data <data dir>] [--force]
 *
 * Backup runs while the platform runs: each SQLite file is copied with `VACUUM INTO`, a consistent
 * snapshot taken in one read transaction (writers go on meanwhile; WAL readers never block them).
 * The read models are copied before the events, so every projection checkpoint in the backup is at
 * or before the last backed-up event: after a restore each projection resumes and catches up; none
 * is ahead of the log. Attachments (immutable files) are copied last. Each copy is integrity-checked.
 *
 * Restore puts the files in place with the platform stopped (it refuses while the files it would
 * replace exist, unless --force) and removes stale WAL files.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FILES = ['read-models.db', 'events.db'];
const ATTACHMENTS = 'attachments';

function options(argv) {
  const out = { data: process.env.HOTLINE_DATA_DIR ?? 'data', force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') out.force = true;
    else if (['--to', '--from', '--data'].includes(arg)) out[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  return out;
}

async function sqlite() {
  try {
    return await import('node:sqlite');
  } catch {
    throw new Error(`node:sqlite is missing in Node ${process.version}: run it through npm (Node 24)`);
  }
}

function integrity(DatabaseSync, path) {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const [row] = db.prepare('PRAGMA integrity_check').all();
    if (row?.integrity_check !== 'ok')
      throw new Error(`${path}: integrity check says ${JSON.stringify(row)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export async function backup({ data, to }) {
  if (!to) throw new Error('--to <backup dir> is required');
  const { DatabaseSync } = await sqlite();
  const source = resolve(data);
  const target = resolve(to);
  if (existsSync(target)) throw new Error(`${target} exists: back up into a new directory`);
  mkdirSync(target, { recursive: true });
  const manifest = { createdAt: new Date().toISOString(), files: [] };
  for (const name of FILES) {
    const from = join(source, name);
    if (!existsSync(from)) continue;
    const db = new DatabaseSync(from, { readOnly: true });
    try {
      db.exec('PRAGMA busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(join(target, name));
    } finally {
      db.close();
    }
    const copy = integrity(DatabaseSync, join(target, name));
    try {
      const entry = { name, bytes: statSync(join(target, name)).size };
      if (name === 'events.db')
        entry.lastPosition = copy.prepare('SELECT max(position) AS p FROM events').get().p ?? 0;
      manifest.files.push(entry);
    } finally {
      copy.close();
    }
  }
  if (existsSync(join(source, ATTACHMENTS))) {
    cpSync(join(source, ATTACHMENTS), join(target, ATTACHMENTS), { recursive: true });
    manifest.attachments = true;
  }
  writeFileSync(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function restore({ data, from, force }) {
  if (!from) throw new Error('--from <backup dir> is required');
  const source = resolve(from);
  const target = resolve(data);
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  const { DatabaseSync } = await sqlite();
  for (const { name } of manifest.files) integrity(DatabaseSync, join(source, name)).close();
  mkdirSync(target, { recursive: true });
  for (const { name } of manifest.files) {
    if (existsSync(join(target, name)) && !force)
      throw new Error(`${join(target, name)} exists: stop the platform and pass --force to replace it`);
  }
  for (const { name } of manifest.files) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(target, name + suffix), { force: true });
    cpSync(join(source, name), join(target, name));
  }
  if (manifest.attachments) cpSync(join(source, ATTACHMENTS), join(target, ATTACHMENTS), { recursive: true });
  return manifest;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [command, ...rest] = process.argv.slice(2);
  const run = command === 'backup' ? backup : command === 'restore' ? restore : undefined;
  if (!run) {
    console.error(
      'usage: sqlite-backup.mjs backup --to DIR [--data DIR] | restore --from DIR [--data DIR] [--force]',
    );
    process.exit(2);
  }
  run(options(rest)).then(
    (manifest) => console.log(`${command}: ${JSON.stringify(manifest)}`),
    (error) => {
      console.error(`${command} failed: ${error.message}`);
      process.exit(1);
    },
  );
}
