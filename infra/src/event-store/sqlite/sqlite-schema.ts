import type { DatabaseSync } from 'node:sqlite';

const sqlite = process.getBuiltinModule('node:sqlite');

export type Durability = 'full' | 'normal' | 'off';

/**
 * In WAL mode FULL syncs the log on every commit (survives power loss); NORMAL syncs only at
 * checkpoints (survives a process crash, may lose the last commits on power loss); OFF never syncs.
 */
const SYNCHRONOUS: Record<Durability, string> = { full: 'FULL', normal: 'NORMAL', off: 'OFF' };

/**
 * `position` is the rowid with AUTOINCREMENT, so positions are never reused, even after a rolled-back
 * or deleted tail. Writers hold the write lock for their whole transaction (BEGIN IMMEDIATE), so a
 * later commit always has higher positions: a reader that has seen position p never misses a
 * smaller one later.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  time      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
)`;

export function openSqliteDatabase(
  path: string,
  durability: Durability,
  busyTimeoutMs: number,
): DatabaseSync {
  const db = new sqlite.DatabaseSync(path);
  try {
    // Set first: switching to WAL and creating the table can meet another process doing the same.
    db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${SYNCHRONOUS[durability]}`);
    // Replays read far more than they write: a larger page cache and memory-mapped reads pay off.
    db.exec('PRAGMA cache_size = -32768');
    db.exec('PRAGMA mmap_size = 268435456');
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SCHEMA);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
