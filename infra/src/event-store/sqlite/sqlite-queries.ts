import type { MessageMetadata, RecordedEvent } from '@hotline/contracts';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AllFilter, Direction } from '../event-store.port';
import type { StoredEventRef } from '../expected-revision';
import type { ValidatedEvent } from '../validate-append';

const COLUMNS = 'position, stream_id, revision, event_id, type, version, data, metadata, time';
const NO_LIMIT = -1;
/** Stands for "no upper bound": positions and revisions stay far below 2^53. */
export const TOP = Number.MAX_SAFE_INTEGER;

type Row = [number, string, number, string, string, number, string, string, string];

/** Every statement the SQLite store runs, prepared once per connection. */
export class SqliteQueries {
  private readonly headRevisionStmt: StatementSync;
  private readonly headPositionStmt: StatementSync;
  private readonly findByIdStmt: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly streamForwardsStmt: StatementSync;
  private readonly streamBackwardsStmt: StatementSync;
  private readonly allStmts = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {
    this.headRevisionStmt = db.prepare(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.headRevisionStmt.setReturnArrays(true);
    this.headPositionStmt = db.prepare('SELECT MAX(position) FROM events');
    this.headPositionStmt.setReturnArrays(true);
    this.findByIdStmt = db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?');
    this.findByIdStmt.setReturnArrays(true);
    this.insertStmt = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, version, data, metadata, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.streamForwardsStmt = this.rows(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    );
    this.streamBackwardsStmt = this.rows(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
  }

  /** Revision of the stream's last event, or -1 when the stream has none. */
  headRevision(streamId: string): number {
    const row = this.headRevisionStmt.get(streamId) as [number] | undefined;
    return row === undefined ? -1 : row[0];
  }

  headPosition(): number {
    const row = this.headPositionStmt.get() as unknown as [number | null];
    return row[0] ?? 0;
  }

  findById(eventId: string): StoredEventRef | undefined {
    const row = this.findByIdStmt.get(eventId) as [string, number, number] | undefined;
    return row === undefined ? undefined : { streamId: row[0], revision: row[1], position: row[2] };
  }

  /** Inserts one event and returns its global position. */
  insert(streamId: string, revision: number, e: ValidatedEvent): number {
    const { lastInsertRowid } = this.insertStmt.run(
      streamId,
      revision,
      e.id,
      e.type,
      e.version,
      e.dataJson,
      e.metadataJson,
      e.time,
    );
    return Number(lastInsertRowid);
  }

  readStream(
    streamId: string,
    direction: Direction,
    fromRevision: number | undefined,
    maxCount: number,
  ): RecordedEvent[] {
    const limit = maxCount === Infinity ? NO_LIMIT : maxCount;
    const rows =
      direction === 'forwards'
        ? this.streamForwardsStmt.all(streamId, fromRevision ?? 0, limit)
        : this.streamBackwardsStmt.all(streamId, fromRevision ?? TOP, limit);
    return toEvents(rows as unknown as Row[]);
  }

  /**
   * Events with after < position < before, in the given direction, matching the filter. Forwards
   * reads use `before` to stop at a head read earlier, so a subscription knows what it has covered.
   */
  readAll(
    after: number,
    before: number,
    direction: Direction,
    maxCount: number,
    filter: AllFilter | undefined,
  ): RecordedEvent[] {
    const types = filter?.eventTypes ?? [];
    const prefixes = filter?.streamPrefixes ?? [];
    const params: (string | number)[] = [after, before];
    for (const type of types) params.push(type);
    for (const prefix of prefixes) params.push(prefix, prefix);
    params.push(maxCount === Infinity ? NO_LIMIT : maxCount);
    return toEvents(
      this.readAllStatement(direction, types.length, prefixes.length).all(...params) as unknown as Row[],
    );
  }

  private readAllStatement(direction: Direction, typeCount: number, prefixCount: number): StatementSync {
    const key = `${direction}:${typeCount}:${prefixCount}`;
    let stmt = this.allStmts.get(key);
    if (stmt === undefined) {
      let where = 'position > ? AND position < ?';
      if (typeCount > 0) where += ` AND type IN (${Array(typeCount).fill('?').join(', ')})`;
      // substr/length count characters on both sides, so non-ASCII prefixes compare correctly.
      if (prefixCount > 0)
        where += ` AND (${Array(prefixCount).fill('substr(stream_id, 1, length(?)) = ?').join(' OR ')})`;
      const order = direction === 'forwards' ? 'ASC' : 'DESC';
      stmt = this.rows(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY position ${order} LIMIT ?`);
      this.allStmts.set(key, stmt);
    }
    return stmt;
  }

  private rows(sql: string): StatementSync {
    const stmt = this.db.prepare(sql);
    // Arrays instead of objects per row: less allocation on the replay path.
    stmt.setReturnArrays(true);
    return stmt;
  }
}

function toEvents(rows: Row[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Row;
    events[i] = {
      id: r[3],
      type: r[4],
      version: r[5],
      data: JSON.parse(r[6]) as unknown,
      metadata: JSON.parse(r[7]) as MessageMetadata,
      time: r[8],
      streamId: r[1],
      revision: r[2],
      position: r[0],
    };
  }
  return events;
}
