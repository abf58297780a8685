import type { PostgresPool, PostgresTransaction } from '../../postgres/postgres-pool';
import { uniqueViolation } from '../../postgres/postgres-errors';
import { IdempotencyConflict, WrongExpectedVersion } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { matchesExpected, repeatedAppendResult, type StoredEventRef } from '../expected-revision';
import type { ValidatedEvent } from '../validate-append';
import { MAX_TRANSACTION_ID, POSITIONS_PER_TRANSACTION, type EventStoreSql } from './postgres-event-sql';

/** Rows per INSERT statement: 9 parameters each stays far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;
/** Attempts when a concurrent transaction took the same revision or event id first. */
const MAX_ATTEMPTS = 8;

interface StartRow {
  tx: string;
  head: string | null;
  first_stream: string | null;
  first_revision: string | null;
  first_position: string | null;
}

interface AppendOneRow extends StartRow {
  inserted: string;
}

interface StoredRow {
  event_id: string;
  stream_id: string;
  stream_revision: string;
  global_position: string;
}

/**
 * One append in one transaction: check the first id (a retry gets its original result), check
 * the expected revision, insert. Two writers at the same revision both pass the check; the
 * unique (stream, revision) key stops the second when the first commits, and the second then
 * sees the stream as it now is: a WrongExpectedVersion, a retry of the same ids, or (with `any`
 * or `streamExists`) the next free revision. With an exact revision or `noStream` the loser looks
 * before inserting again (`lostRace`), so a lost race costs two small reads, not the events sent
 * and planned again: two router instances on one stream lose about one append in five.
 */
export async function appendInTransaction(
  pool: PostgresPool,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return events.length <= ROWS_PER_INSERT
        ? await appendInOneStatement(pool, sql, streamId, events, expected)
        : await pool.transaction((tx) => appendOnce(tx, sql, streamId, events, expected));
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === undefined) throw error;
      if (constraint.endsWith('_event_id')) await assertFirstIdStored(pool, sql, streamId, events);
      else if (expected !== 'any' && expected !== 'streamExists') {
        const settled = await lostRace(pool, sql, streamId, events, expected);
        if (settled !== undefined) return settled;
      }
      if (attempt >= MAX_ATTEMPTS) {
        const [row] = await pool.query<{ head: string | null }>(sql.streamHead, [streamId]);
        throw new WrongExpectedVersion(streamId, expected, row?.head == null ? 'noStream' : Number(row.head));
      }
    }
  }
}

/**
 * The usual append (up to ROWS_PER_INSERT events) as one statement in its own transaction: one
 * round trip instead of BEGIN, check, insert and COMMIT, so a command costs what a plain INSERT does.
 */
async function appendInOneStatement(
  pool: PostgresPool,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const params: unknown[] = [
    streamId,
    events[0]?.id,
    typeof expected === 'number' ? 'exact' : expected,
    typeof expected === 'number' ? expected : null,
  ];
  for (const e of events) params.push(e.id, e.type, e.version, e.dataJson, e.metadataJson, e.time);
  const [row] = (await pool.query<AppendOneRow>(sql.appendOne(events.length), params)) as [AppendOneRow];
  if (row.first_position !== null) return repeated(pool, sql, streamId, events, row);
  const head = row.head === null ? -1 : Number(row.head);
  if (Number(row.inserted) === 0) {
    if (Number(row.tx) >= MAX_TRANSACTION_ID) throw pastCountableTransactions(row.tx);
    throw new WrongExpectedVersion(streamId, expected, head < 0 ? 'noStream' : head);
  }
  return appended(Number(row.tx) * POSITIONS_PER_TRANSACTION, head, events.length);
}

/**
 * After another append took the revision this one expected (its commit is what ended the wait on
 * the unique key): the original result when that append was a copy of this one, otherwise the
 * WrongExpectedVersion with the head as it now is. Undefined (insert again) only when the
 * expectation still holds, which a committed row at the expected revision + 1 rules out.
 */
async function lostRace(
  pool: PostgresPool,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  expected: number | 'noStream',
): Promise<AppendResult | undefined> {
  // Two reads at once on two connections: one round trip's wait.
  const [heads, firsts] = await Promise.all([
    pool.query<{ head: string | null }>(sql.streamHead, [streamId]),
    pool.query<StoredRow>(sql.findByIds, [[events[0]!.id]]),
  ]);
  const [first] = firsts;
  if (first !== undefined) {
    return repeated(pool, sql, streamId, events, {
      tx: '0',
      head: null,
      first_stream: first.stream_id,
      first_revision: first.stream_revision,
      first_position: first.global_position,
    });
  }
  const head = heads[0]?.head == null ? -1 : Number(heads[0].head);
  if (matchesExpected(expected, head)) return undefined;
  throw new WrongExpectedVersion(streamId, expected, head < 0 ? 'noStream' : head);
}

const pastCountableTransactions = (tx: string) =>
  new Error(`transaction id ${tx} is past what positions can count (2^39)`);

async function appendOnce(
  tx: PostgresTransaction,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const [start] = (await tx.query<StartRow>(sql.appendStart, [streamId, events[0]?.id])) as [StartRow];
  if (start.first_position !== null) return repeated(tx, sql, streamId, events, start);
  const head = start.head === null ? -1 : Number(start.head);
  if (!matchesExpected(expected, head)) {
    throw new WrongExpectedVersion(streamId, expected, head < 0 ? 'noStream' : head);
  }
  const base = BigInt(start.tx) * BigInt(POSITIONS_PER_TRANSACTION);
  if (base + BigInt(POSITIONS_PER_TRANSACTION) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw pastCountableTransactions(start.tx);
  }
  const first = Number(base);
  await insertEvents(tx, sql, streamId, events, first, head + 1);
  return appended(first, head, events.length);
}

/** The result of `count` events stored from position `first` after revision `head`. */
const appended = (first: number, head: number, count: number): AppendResult => ({
  nextExpectedRevision: head + count,
  position: first + count - 1,
  positions: Array.from({ length: count }, (_, i) => first + i),
});

/** Inserts the events at consecutive positions and revisions from the given ones. */
export async function insertEvents(
  tx: PostgresTransaction,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  firstPosition: number,
  firstRevision: number,
): Promise<void> {
  for (let from = 0; from < events.length; from += ROWS_PER_INSERT) {
    const chunk = events.slice(from, from + ROWS_PER_INSERT);
    const params: unknown[] = [];
    chunk.forEach((e, i) => {
      const index = from + i;
      params.push(firstPosition + index, streamId, firstRevision + index, e.id, e.type, e.version);
      params.push(e.dataJson, e.metadataJson, e.time);
    });
    await tx.query(sql.insert(chunk.length), params);
  }
}

async function repeated(
  tx: PostgresTransaction | PostgresPool,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
  start: StartRow,
): Promise<AppendResult> {
  const stored = new Map<string, StoredEventRef>();
  stored.set(events[0]!.id, {
    streamId: start.first_stream as string,
    revision: Number(start.first_revision),
    position: Number(start.first_position),
  });
  if (events.length > 1) {
    const rows = await tx.query<StoredRow>(sql.findByIds, [events.slice(1).map((e) => e.id)]);
    for (const row of rows) stored.set(row.event_id, toRef(row));
  }
  return repeatedAppendResult(
    streamId,
    events.map((e) => e.id),
    (id) => stored.get(id),
  );
}

/**
 * A later id of the append is stored already. If the first one is too, a concurrent copy of this
 * append committed and the next attempt returns its result; if not, the ids overlap another append.
 */
async function assertFirstIdStored(
  pool: PostgresPool,
  sql: EventStoreSql,
  streamId: string,
  events: ValidatedEvent[],
): Promise<void> {
  const rows = await pool.query<StoredRow>(sql.findByIds, [events.map((e) => e.id)]);
  const storedIds = new Set(rows.map((r) => r.event_id));
  if (storedIds.has(events[0]!.id)) return;
  const clash = events.find((e) => storedIds.has(e.id)) ?? events[0]!;
  throw new IdempotencyConflict(streamId, clash.id);
}

const toRef = (row: StoredRow): StoredEventRef => ({
  streamId: row.stream_id,
  revision: Number(row.stream_revision),
  position: Number(row.global_position),
});
