/**
 * The raw engine for the PostgreSQL read store, as `sqlite-raw-upserts.ts` is SQLite's: one upsert
 * per event with plain SQL (`pg`, no read store), into a JSONB table with the same expression
 * B-trees as that raw table (the cases collection's first eight indexed fields), 5,000 events per
 * transaction. An event's upsert is one row of a multi-row `INSERT … ON CONFLICT` (a bench may use
 * what the product avoids for openGauss); a statement may not touch a row twice, so a batch is cut
 * into rounds in which each case comes once (its first event in the batch in the first round…).
 */
import { PostgresPool } from '@hotline/infra/postgres';
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

const UPSERT = `INSERT INTO raw_indexed (id, doc) SELECT r.value ->> 'id', r.value -> 'doc' FROM jsonb_array_elements(CAST($1 AS jsonb)) AS r
  ON CONFLICT (id) DO UPDATE SET doc = raw_indexed.doc || jsonb_build_object('type', EXCLUDED.doc -> 'type', 'at', EXCLUDED.doc -> 'at')`;

export async function rawPostgresUpserts(url: string, cases: number): Promise<void> {
  const pool = PostgresPool.open({ url, max: 1, applicationName: 'hotline-bench-raw' });
  try {
    await pool.query('CREATE TABLE raw_indexed (id text PRIMARY KEY, doc jsonb NOT NULL)');
    for (const [i, field] of INDEXED.entries())
      await pool.query(`CREATE INDEX raw_indexed_${i} ON raw_indexed ((doc #> '{${field}}'))`);
    let batch: Array<{ id: string; doc: object }> = [];
    const write = async () => {
      const rounds: Array<typeof batch> = [];
      const seen = new Map<string, number>();
      for (const row of batch) {
        const round = seen.get(row.id) ?? 0;
        seen.set(row.id, round + 1);
        (rounds[round] ??= []).push(row);
      }
      await pool.transaction(async (tx) => {
        for (const rows of rounds) await tx.query(UPSERT, [JSON.stringify(rows)]);
      });
      batch = [];
    };
    for (const event of historyEvents(cases)) {
      const id = (event.data as { caseId: string }).caseId;
      batch.push({ id, doc: { _id: id, ...(event.data as object), type: event.type, at: event.time } });
      if (batch.length === RAW_BATCH) await write();
    }
    if (batch.length > 0) await write();
    await pool.query('DROP TABLE raw_indexed');
  } finally {
    await pool.close();
  }
}
