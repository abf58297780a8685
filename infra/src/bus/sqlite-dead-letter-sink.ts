import type { RecordedEvent } from '@hotline/contracts';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { busTableName } from './bus-table-name';
import type { DeadLetterSink } from './dead-letter-sink.port';
import type { DeadLetter } from './event-bus.port';
import { openBusDatabase } from './open-bus-database';
import { settled } from './settled';

export interface SqliteDeadLetterSinkOptions {
  /** The SQLite file; the event store's own file is fine. */
  path: string;
  /** Default `bus_dead_letters`. */
  table?: string;
}

interface Row {
  consumer: string;
  reason: string;
  delivery_count: number;
  event: string | null;
  raw: string | null;
}

/** Dead letters in a SQLite table, kept until an operator deals with them. */
export class SqliteDeadLetterSink implements DeadLetterSink {
  private readonly insert: StatementSync;
  private readonly selectAll: StatementSync;
  private readonly selectOne: StatementSync;

  private constructor(
    private readonly db: DatabaseSync,
    table: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO ${table} (consumer, reason, delivery_count, event, raw) VALUES (?, ?, ?, ?, ?)`,
    );
    const columns = 'consumer, reason, delivery_count, event, raw';
    this.selectAll = db.prepare(`SELECT ${columns} FROM ${table} ORDER BY id`);
    this.selectOne = db.prepare(`SELECT ${columns} FROM ${table} WHERE consumer = ? ORDER BY id`);
  }

  static open(options: SqliteDeadLetterSinkOptions): SqliteDeadLetterSink {
    const table = busTableName(options.table ?? 'bus_dead_letters', 'table');
    const db = openBusDatabase(
      options.path,
      `CREATE TABLE IF NOT EXISTS ${table} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        consumer TEXT NOT NULL,
        reason TEXT NOT NULL,
        delivery_count INTEGER NOT NULL,
        event TEXT,
        raw TEXT,
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      )`,
    );
    return new SqliteDeadLetterSink(db, table);
  }

  put(letter: DeadLetter): Promise<void> {
    return settled(() => {
      const event = letter.event === null ? null : JSON.stringify(letter.event);
      this.insert.run(letter.consumer, letter.reason, letter.deliveryCount, event, letter.raw ?? null);
    });
  }

  list(consumer?: string): Promise<DeadLetter[]> {
    return settled(() => this.read(consumer));
  }

  private read(consumer: string | undefined): DeadLetter[] {
    const rows = (consumer === undefined
      ? this.selectAll.all()
      : this.selectOne.all(consumer)) as unknown as Row[];
    return rows.map((row) => ({
      consumer: row.consumer,
      reason: row.reason,
      deliveryCount: row.delivery_count,
      event: row.event === null ? null : (JSON.parse(row.event) as RecordedEvent),
      ...(row.raw !== null ? { raw: row.raw } : {}),
    }));
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
