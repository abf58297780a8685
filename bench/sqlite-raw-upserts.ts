/**
 * The raw engine for the SQLite read store: one upsert per event with node:sqlite directly, in
 * transactions of RAW_BATCH, into a table with the same expression indexes as the cases collection.
 */
import { DatabaseSync } from 'node:sqlite';
import { historyEvents } from './workflow-bench-events';

const RAW_BATCH = 5_000;
const INDEXED = [
  'caseNumber',
  'districtId',
  'status',
  'unitIds',
  'tokens',
  'categoryPath',
  'registeredAt',
  'deadlineAt',
];

export function rawSqliteUpserts(path: string, cases: number): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;');
  db.exec('CREATE TABLE raw (id NOT NULL PRIMARY KEY, doc BLOB NOT NULL)');
  INDEXED.forEach((field, i) => db.exec(`CREATE INDEX raw_${i} ON raw (json_extract(doc, '$.${field}'))`));
  const upsert = db.prepare(
    `INSERT INTO raw (id, doc) VALUES (?1, jsonb(?2)) ON CONFLICT (id) DO UPDATE SET doc = jsonb_set(doc, '$.type', ?3, '$.at', ?4)`,
  );
  let inBatch = 0;
  db.exec('BEGIN');
  for (const event of historyEvents(cases)) {
    const id = (event.data as { caseId: string }).caseId;
    upsert.run(
      id,
      JSON.stringify({ _id: id, ...(event.data as object), type: event.type, at: event.time }),
      event.type,
      event.time,
    );
    if (++inBatch === RAW_BATCH) {
      db.exec('COMMIT; BEGIN');
      inBatch = 0;
    }
  }
  db.exec('COMMIT');
  db.close();
}
