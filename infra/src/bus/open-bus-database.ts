import type { DatabaseSync } from 'node:sqlite';

const sqlite = process.getBuiltinModule('node:sqlite');

/**
 * Opens the SQLite file the bus keeps its checkpoints and dead letters in (it may be the event
 * store's own file). WAL with synchronous NORMAL: a power loss may roll back the newest checkpoints,
 * which only means a few events are delivered again, as at-least-once allows.
 */
export function openBusDatabase(path: string, schema: string): DatabaseSync {
  const db = new sqlite.DatabaseSync(path);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec(schema);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
