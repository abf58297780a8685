/**
 * Every SQL statement of the PostgreSQL event store, in one object that another PostgreSQL-lineage
 * database (openGauss, KingbaseES, …) can replace. The statements keep to what those share with
 * PostgreSQL 9.2: no `xid8`/`pg_current_snapshot()` (PostgreSQL 13), no multi-argument `unnest`,
 * no `WITH ORDINALITY`, no `ON CONFLICT`, no LISTEN/NOTIFY. Identifiers avoid keywords
 * (`position`, `type`, `time`) that some of them reserve.
 *
 * Positions are `txid * POSITIONS_PER_TRANSACTION + index`: they grow with the transaction id, so
 * a reader that stays below the snapshot's xmin (every transaction below it has ended) reads in
 * position order and never meets an event committed later below what it has read.
 */
export interface EventStoreSql {
  /** Creates the table if missing; run under `schemaLock`, as several processes may start at once. */
  schema: readonly string[];
  /** Serialises schema creation between processes, released at the end of the transaction. */
  schemaLock: string;
  /** $1 stream id, $2 first event id → tx, head (max revision or null), first_* of a stored first id. */
  appendStart: string;
  /**
   * The whole append of `rows` events as one statement (one round trip, its own transaction, like a
   * plain INSERT): $1 stream id, $2 first event id, $3 expected kind (`any`, `noStream`,
   * `streamExists`, `exact`), $4 the exact revision, then 6 parameters per event (id, type,
   * version, data, metadata, time). Inserts only when the first id is new and the expectation
   * holds; answers the `appendStart` columns and `inserted`, the number of rows written.
   */
  appendOne(rows: number): string;
  /** $1 event ids (text[]) → event_id, stream_id, stream_revision, global_position of those stored. */
  findByIds: string;
  /** An INSERT of `rows` events, 9 parameters each (position, stream, revision, id, type, version, data, metadata, time). */
  insert(rows: number): string;
  /** $1 stream id, $2 inclusive revision, $3 limit. */
  streamForwards: string;
  streamBackwards: string;
  /** $1 stream id → head (max revision or null). */
  streamHead: string;
  /** → head (max position or null), horizon (positions below it are final). */
  probe: string;
  /**
   * Events after $1 and before $2 in the given direction, $3 limit, then `types` and `prefixes`
   * parameters when the filter has them.
   */
  readAll(direction: 'forwards' | 'backwards', types: boolean, prefixCount: number): string;
}

/** Bits of a position that count events within one transaction: up to 16,384 events per append. */
export const POSITIONS_PER_TRANSACTION = 16_384;

/** Past this transaction id, positions would exceed 2^53 (JavaScript's exact integers). */
export const MAX_TRANSACTION_ID = Math.floor(Number.MAX_SAFE_INTEGER / POSITIONS_PER_TRANSACTION);

const TABLE = 'hotline_events';
const COLUMNS =
  'global_position, stream_id, stream_revision, event_id, event_type, event_version, event_data, event_metadata, event_time';

const APPEND_START = `SELECT txid_current() AS tx,
      (SELECT max(stream_revision) FROM ${TABLE} WHERE stream_id = $1) AS head,
      f.stream_id AS first_stream, f.stream_revision AS first_revision, f.global_position AS first_position
    FROM (SELECT 1 AS one) AS one LEFT JOIN ${TABLE} AS f ON f.event_id = $2`;

export const postgresEventSql: EventStoreSql = {
  schema: [
    `CREATE TABLE IF NOT EXISTS ${TABLE} (
      global_position BIGINT  NOT NULL,
      stream_id       TEXT    NOT NULL,
      stream_revision BIGINT  NOT NULL,
      event_id        TEXT    NOT NULL,
      event_type      TEXT    NOT NULL,
      event_version   INTEGER NOT NULL,
      event_data      TEXT    NOT NULL,
      event_metadata  TEXT    NOT NULL,
      event_time      TEXT    NOT NULL,
      CONSTRAINT ${TABLE}_pkey PRIMARY KEY (global_position),
      CONSTRAINT ${TABLE}_stream_revision UNIQUE (stream_id, stream_revision),
      CONSTRAINT ${TABLE}_event_id UNIQUE (event_id)
    )`,
  ],
  // An arbitrary constant key ("hotline-events" in ASCII, truncated to a bigint).
  schemaLock: 'SELECT pg_advisory_xact_lock(7526411939845473)',
  appendStart: APPEND_START,
  appendOne(rows) {
    const values = Array.from({ length: rows }, (_, r) => {
      const p = 5 + r * 6;
      return `(${r}, $${p}, $${p + 1}, $${p + 2}::integer, $${p + 3}, $${p + 4}, $${p + 5})`;
    });
    // Data-modifying WITH (PostgreSQL 9.1, openGauss, KingbaseES): the check and the insert see one
    // snapshot, and the unique keys stop a concurrent append exactly as in the two-step path.
    return `WITH start AS (${APPEND_START}),
    allowed AS (
      SELECT tx, COALESCE(head, -1) AS head FROM start
      WHERE first_position IS NULL AND tx < ${MAX_TRANSACTION_ID} AND (
        $3::text = 'any'
        OR ($3::text = 'noStream' AND head IS NULL)
        OR ($3::text = 'streamExists' AND head IS NOT NULL)
        OR ($3::text = 'exact' AND COALESCE(head, -1) = $4::bigint))
    ),
    inserted AS (
      INSERT INTO ${TABLE} (${COLUMNS})
      SELECT allowed.tx * ${POSITIONS_PER_TRANSACTION} + v.n, $1, allowed.head + 1 + v.n,
        v.event_id, v.event_type, v.event_version, v.event_data, v.event_metadata, v.event_time
      FROM allowed, (VALUES ${values.join(', ')})
        AS v(n, event_id, event_type, event_version, event_data, event_metadata, event_time)
      RETURNING 1
    )
    SELECT start.*, (SELECT count(*) FROM inserted) AS inserted FROM start`;
  },
  findByIds: `SELECT event_id, stream_id, stream_revision, global_position FROM ${TABLE} WHERE event_id = ANY($1::text[])`,
  insert(rows) {
    const values = Array.from({ length: rows }, (_, r) => {
      const p = r * 9;
      return `($${p + 1}::bigint, $${p + 2}, $${p + 3}::bigint, $${p + 4}, $${p + 5}, $${p + 6}::integer, $${p + 7}, $${p + 8}, $${p + 9})`;
    });
    return `INSERT INTO ${TABLE} (${COLUMNS}) VALUES ${values.join(', ')}`;
  },
  streamForwards: `SELECT ${COLUMNS} FROM ${TABLE} WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision ASC LIMIT $3`,
  streamBackwards: `SELECT ${COLUMNS} FROM ${TABLE} WHERE stream_id = $1 AND stream_revision <= $2 ORDER BY stream_revision DESC LIMIT $3`,
  streamHead: `SELECT max(stream_revision) AS head FROM ${TABLE} WHERE stream_id = $1`,
  probe: `SELECT (SELECT max(global_position) FROM ${TABLE}) AS head,
      txid_snapshot_xmin(txid_current_snapshot()) * ${POSITIONS_PER_TRANSACTION} AS horizon`,
  readAll(direction, types, prefixCount) {
    let where = 'global_position > $1 AND global_position < $2';
    let next = 4;
    if (types) where += ` AND event_type = ANY($${next++}::text[])`;
    if (prefixCount > 0) {
      const prefixes = Array.from({ length: prefixCount }, () => {
        const p = next++;
        return `substr(stream_id, 1, char_length($${p}::text)) = $${p}::text`;
      });
      where += ` AND (${prefixes.join(' OR ')})`;
    }
    const order = direction === 'forwards' ? 'ASC' : 'DESC';
    return `SELECT ${COLUMNS} FROM ${TABLE} WHERE ${where} ORDER BY global_position ${order} LIMIT $3`;
  },
};
