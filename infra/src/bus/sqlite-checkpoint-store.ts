import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { busTableName } from './bus-table-name';
import type { CheckpointStore } from './checkpoint-store.port';
import { checkName, checkPosition } from './checkpoint-input';
import { openBusDatabase } from './open-bus-database';
import { settled } from './settled';

export interface SqliteCheckpointStoreOptions {
  /** The SQLite file; the event store's own file is fine. */
  path: string;
  /** Default `bus_checkpoints`. */
  table?: string;
}

/** Checkpoints in a small SQLite table, one row per consumer name. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStatement: StatementSync;
  private readonly saveStatement: StatementSync;

  private constructor(
    private readonly db: DatabaseSync,
    table: string,
  ) {
    this.loadStatement = db.prepare(`SELECT position FROM ${table} WHERE name = ?`);
    this.saveStatement = db.prepare(
      `INSERT INTO ${table} (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
  }

  static open(options: SqliteCheckpointStoreOptions): SqliteCheckpointStore {
    const table = busTableName(options.table ?? 'bus_checkpoints', 'table');
    const db = openBusDatabase(
      options.path,
      `CREATE TABLE IF NOT EXISTS ${table} (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`,
    );
    return new SqliteCheckpointStore(db, table);
  }

  load(name: string): Promise<number | undefined> {
    return settled(
      () => (this.loadStatement.get(checkName(name)) as { position: number } | undefined)?.position,
    );
  }

  save(name: string, position: number): Promise<void> {
    return settled(() => void this.saveStatement.run(checkName(name), checkPosition(position)));
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
