/**
 * Reporting: the case counters built from a generated history (N cases × 7 events: registered,
 * dispatched, signed, replied, completed, callback, closed) against the raw engine doing comparable
 * writes (node:sqlite: one case upsert and one counter upsert per event, in transactions of 5,000);
 * the dashboard queries' p95 over the built counters; the case-list xlsx export of 100,000 rows read
 * from the read store page by page as the gateway reads it (time, memory).
 * BENCH_SCALE=0.001 is a smoke run (1,000 cases). The issue's 10 M cases is BENCH_SCALE=10.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { REPORT_CASES_PAGE_MAX, type RecordedEvent } from '@hotline/contracts';
import { writeXlsx } from '@hotline/infra/documents';
import { ProjectionRunner, generatedSource } from '@hotline/infra/projection';
import { SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';
import { HotTopicsService, KpiReportService, caseCountersProjection } from '@hotline/reporting';
import { type BenchResult, type Benchmark, timed } from './bench-kit';

const CASES = 1_000_000;
const EVENTS_PER_CASE = 7;
const EXPORT_ROWS = 100_000;
const QUERY_ROUNDS = 50;
const DISTRICTS = ['gulou', 'taijiang', 'cangshan', 'jinan', 'mawei', 'changle'];
const CONTENT = [
  '小区路灯不亮',
  '夜间施工噪声扰民',
  '道路积水严重',
  '停电影响生活',
  '垃圾清运不及时',
  '公交线路调整咨询',
];
const metadataOf = (districtId: string) => ({
  correlationId: 'bench',
  causationId: 'bench',
  actor: { id: 'bench', role: 'agent' },
  districtId,
});

/** The history, generated again for each reader: event `i` of case `c`, spread over a year of days. */
function* history(cases: number): Generator<RecordedEvent> {
  let position = 0;
  const start = Date.parse('2026-01-01T01:00:00.000Z');
  for (let c = 0; c < cases; c += 1) {
    const caseId = `case-${c}`;
    const districtId = DISTRICTS[c % DISTRICTS.length]!;
    const unitId = `unit-${c % 400}`;
    const registered = start + Math.floor((c / cases) * 365) * 86_400_000 + (c % 600) * 60_000;
    const at = (hours: number) => new Date(registered + hours * 3_600_000).toISOString();
    const plan = {
      caseId,
      lead: { unitId, signBy: at(24), returnBy: at(24) },
      coHandlers: [],
      dueAt: at(240),
      limitWorkingDays: 10,
    };
    const steps: [string, string, Record<string, unknown>][] = [
      [
        'CaseRegistered',
        at(0),
        {
          caseId,
          caseNumber: String(10_000_000 + c),
          type: c % 3 === 0 ? 'consult' : 'complaint',
          categoryCode: `0${1 + (c % 9)}0${1 + (c % 7)}0${1 + (c % 5)}`,
          channel: c % 4 === 0 ? 'web' : 'phone',
          content: CONTENT[c % CONTENT.length],
          urgency: 'normal',
          place: { address: `鼓楼区五一路${c % 50}号` },
          dispatchBy: at(24),
        },
      ],
      ['CaseDispatched', at(c % 10 === 0 ? 30 : 2), plan],
      ['CaseSigned', at(c % 8 === 0 ? 30 : 4), { caseId, unitId, role: 'lead' }],
      ['CaseReplied', at(100), { caseId, unitId, result: '已办理' }],
      ['CaseCompleted', at(c % 12 === 0 ? 300 : 120), { caseId }],
      [
        'CaseCallbackRecorded',
        at(140),
        {
          caseId,
          reached: true,
          ratings: {
            efficiency: 'satisfied',
            attitude: 'satisfied',
            result: c % 15 === 0 ? 'dissatisfied' : 'satisfied',
          },
          unitAtFault: false,
          redoRequired: false,
        },
      ],
      ['CaseClosed', at(141), { caseId }],
    ];
    for (const [type, time, data] of steps) {
      position += 1;
      yield {
        id: `e${position}`,
        type,
        version: 1,
        streamId: `case-${caseId}`,
        revision: 0,
        position,
        time,
        data,
        metadata: metadataOf(districtId),
      };
    }
  }
}

/** The raw engine: per event an upsert of the case document and an upsert of a day × district × unit counter. */
function rawWrites(path: string, cases: number): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(
    'CREATE TABLE cases (id TEXT PRIMARY KEY, doc BLOB NOT NULL); CREATE TABLE cells (id TEXT PRIMARY KEY, doc BLOB NOT NULL)',
  );
  const upsertCase = db.prepare(
    `INSERT INTO cases (id, doc) VALUES (?1, jsonb(?2)) ON CONFLICT (id) DO UPDATE SET doc = jsonb_set(doc, '$.status', ?3)`,
  );
  const upsertCell = db.prepare(
    `INSERT INTO cells (id, doc) VALUES (?1, jsonb('{"n":1}')) ON CONFLICT (id) DO UPDATE SET doc = jsonb_set(doc, '$.n', json_extract(doc, '$.n') + 1)`,
  );
  db.exec('BEGIN');
  let inBatch = 0;
  for (const event of history(cases)) {
    const data = event.data as { caseId: string };
    upsertCase.run(data.caseId, JSON.stringify({ _id: data.caseId, status: event.type }), event.type);
    upsertCell.run(`${event.time.slice(0, 10)}|${event.metadata.districtId}|${event.type}`);
    if (++inBatch === 5_000) {
      db.exec('COMMIT; BEGIN');
      inBatch = 0;
    }
  }
  db.exec('COMMIT');
  db.close();
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

export const run: Benchmark = async ({ scale, tmpDir }) => {
  const cases = Math.max(100, Math.round(CASES * scale));
  const events = cases * EVENTS_PER_CASE;
  const store = SqliteReadStore.open({ path: join(tmpDir, 'reporting.db') });
  const runner = new ProjectionRunner(caseCountersProjection(), {
    store,
    source: generatedSource(events, () => history(cases)),
    batchSize: 5_000,
    logger: createLogger({ service: 'bench', level: 'silent' }),
  });
  const ours = await timed(events, async () => {
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
  });
  const raw = await timed(events, () => rawWrites(join(tmpDir, 'raw.db'), cases));

  const viewer = { actor: { id: 'bench', role: 'center' }, districtId: 'city' };
  const reports = new KpiReportService(store);
  const topics = new HotTopicsService(store, () => new Date('2026-12-31T04:00:00.000Z'));
  const queries: [string, () => Promise<unknown>][] = [
    ['month', () => reports.kpiReport({ viewer, from: '2026-06-01', to: '2026-06-30', compare: true })],
    [
      'month by unit',
      () =>
        reports.kpiReport({ viewer, from: '2026-06-01', to: '2026-06-30', groupBy: 'unit', compare: false }),
    ],
    [
      'year by month',
      () =>
        reports.kpiReport({ viewer, from: '2026-01-01', to: '2026-12-31', groupBy: 'month', compare: false }),
    ],
    ['hot topics', () => topics.hotTopics({ viewer, days: 30, limit: 10 })],
  ];
  const results: BenchResult[] = [
    {
      name: `reporting: counters built (${cases.toLocaleString('en-US')} cases)`,
      unit: 'event',
      ours,
      raw: { ...raw, label: 'node:sqlite case + counter upserts' },
      goal: { minRatio: 0.3 },
    },
  ];
  for (const [name, query] of queries) {
    const samples: number[] = [];
    for (let round = 0; round < QUERY_ROUNDS; round += 1) {
      const started = process.hrtime.bigint();
      await query();
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const total = samples.reduce((a, b) => a + b, 0) / 1000;
    results.push({
      name: `reporting: dashboard query, ${name}`,
      unit: 'query',
      ours: { ops: QUERY_ROUNDS, seconds: total },
      notes: `p95 ${p95(samples).toFixed(1)} ms (goal ≤ 200 ms)`,
    });
  }
  await store.close();

  const rows = Math.max(1_000, Math.round(EXPORT_ROWS * Math.min(1, scale * 10)));
  const listStore = await caseListStore(join(tmpDir, 'case-list.db'), rows);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  // The gateway's export: the case list read page by page (the bus's page size), written as it comes.
  const exported = await timed(rows, async () => {
    await writeXlsx(createWriteStream(join(tmpDir, 'export.xlsx')), [
      {
        name: '工单明细',
        columns: [
          { key: 'caseNumber', header: '工单编号' },
          { key: 'hour', header: '受理时段' },
          { key: 'unitId', header: '承办单位' },
          { key: 'categoryCode', header: '诉求分类' },
          { key: 'status', header: '状态' },
          { key: 'completedAt', header: '办结时间', format: 'date' },
          { key: 'summary', header: '诉求摘要', width: 30 },
        ],
        rows: caseListPages(listStore, viewer),
      },
    ]);
  });
  clearInterval(sampler);
  await listStore.close();
  results.push({
    name: `reporting: case-list xlsx export (${rows.toLocaleString('en-US')} rows)`,
    unit: 'row',
    ours: exported,
    notes: `${exported.seconds.toFixed(1)} s (goal ≤ 10 s for 100,000), pages of ${REPORT_CASES_PAGE_MAX}, RSS growth ${Math.round((peak - before) / 2 ** 20)} MiB`,
  });
  return results;
};

/** A read store holding `count` case facts over June 2026, as the counters projection leaves them. */
export async function caseListStore(path: string, count: number): Promise<SqliteReadStore> {
  const store = SqliteReadStore.open({ path });
  await caseCountersProjection().setup?.(store);
  await fillCaseFacts(store, count);
  return store;
}

/** Writes `count` case facts over June 2026 into the store, as the counters projection leaves them. */
export async function fillCaseFacts(store: ReadStore, count: number): Promise<void> {
  const facts = store.collection('reporting_case_facts');
  for (let start = 0; start < count; start += 5_000) {
    const ops = [];
    for (let i = start; i < Math.min(count, start + 5_000); i += 1) {
      const day = `2026-06-${String(1 + (i % 30)).padStart(2, '0')}`;
      const hour = `${day}T${String(8 + (i % 12)).padStart(2, '0')}`;
      ops.push({
        insertOne: {
          document: {
            _id: `case-${i}`,
            caseNumber: String(10_000_000 + i),
            day,
            hour,
            districtId: DISTRICTS[i % DISTRICTS.length],
            unitId: `unit-${i % 400}`,
            categoryCode: '010101',
            channel: 'phone',
            type: 'complaint',
            urgent: false,
            summary: CONTENT[i % CONTENT.length],
            place: null,
            terms: [],
            dispatchBy: `${day}T12:00:00.000Z`,
            signBy: null,
            dueAt: null,
            everDispatched: true,
            evaluated: true,
            metrics: ['received', 'completed'],
            status: 'closed',
            completedAt: `${day}T10:00:00.000Z`,
          },
        },
      });
    }
    await facts.bulkWrite(ops);
  }
}

export async function* caseListPages(
  store: SqliteReadStore,
  viewer: { actor: { id: string; role: string }; districtId: string },
) {
  const reports = new KpiReportService(store);
  let after: string | null = null;
  do {
    const page: { cases: Record<string, unknown>[]; next: string | null } = await reports.cases({
      viewer,
      from: '2026-06-01',
      to: '2026-06-30',
      limit: REPORT_CASES_PAGE_MAX,
      withTotal: false,
      ...(after ? { after } : {}),
    });
    for (const fact of page.cases) yield fact as Record<string, string | number | boolean | null>;
    after = page.next;
  } while (after);
}
