/**
 * Escalation timers (services/escalation): 1,000,000 open cases in the deadline book (memory and
 * the time to fold them), the book of 100,000 open cases restored from the read store (the start
 * time of an instance), a holiday declared over 100,000
 * open cases (every unfired point moved), and due points falling due at 1,000 per second fired by
 * two instances on one event store (goal: delay p99 ≤ 1 s, none fired twice). No raw engine: the
 * book is ours end to end, so the lines report rates, memory and percentiles.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime, chinaWorkingCalendar, type RecordedEvent } from '@hotline/contracts';
import {
  BOOK_EVENT_TYPES,
  DeadlineBook,
  DeadlineScheduler,
  deadlineBookProjection,
  loadDeadlineBook,
} from '@hotline/escalation';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { eventsSource, ProjectionRunner, storeSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import type { BenchResult, Benchmark } from './bench-kit';

const OPEN_CASES = 1_000_000;
const MOVED_BY_HOLIDAY = 100_000;
const RESTORED = 100_000;
const FIRING_RATE = 1_000;
const FIRING_SECONDS = 20;

const calendar = chinaWorkingCalendar();
const metadata = {
  correlationId: 'bench',
  causationId: 'bench',
  actor: { id: 'bench', role: 'agent' },
  districtId: 'city',
};

/** The workflow's deadlines per dispatch instant and limit, computed once (the workflow's cost, not ours). */
const deadlines = new Map<string, { signBy: string; dueAt: string }>();
function deadlinesOf(at: Date, limit: number): { signBy: string; dueAt: string } {
  const key = `${at.getTime()}/${limit}`;
  let found = deadlines.get(key);
  if (!found) {
    found = {
      signBy: calendar.addWorkingDays(at, 1).toISOString(),
      dueAt: calendar.addWorkingDays(at, limit).toISOString(),
    };
    deadlines.set(key, found);
  }
  return found;
}

/** A dispatch as the workflow writes it, on the national calendar. */
function dispatch(i: number, at: Date, limit: number): RecordedEvent {
  const { signBy, dueAt } = deadlinesOf(at, limit);
  return {
    id: `d-${i}`,
    type: 'CaseDispatched',
    version: 1,
    time: at.toISOString(),
    streamId: `case-c${i}`,
    revision: 1,
    position: i + 1,
    metadata,
    data: {
      caseId: `c${i}`,
      lead: { unitId: `unit-${i % 400}`, signBy, returnBy: signBy },
      coHandlers: [],
      dueAt,
      limitWorkingDays: limit,
    },
  };
}

const book = () => new DeadlineBook({ calendar, dueSoonWithin: 1, firstContactWithin: 1 });
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Dispatch instants spread over the working half-days of November 2026 (each a whole half-day start). */
function dispatchInstants(): Date[] {
  const instants: Date[] = [];
  for (let day = 2; day <= 27; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    if (!calendar.isWorkingDay(date)) continue;
    instants.push(chinaTime(date, '08:30'), chinaTime(date, '14:00'));
  }
  return instants;
}

function openCases(scale: number): BenchResult[] {
  const cases = Math.max(1_000, Math.round(OPEN_CASES * scale));
  const instants = dispatchInstants();
  const events = (i: number) => dispatch(i, instants[i % instants.length]!, [2, 3, 5, 10, 15][i % 5]!);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const b = book();
  const started = process.hrtime.bigint();
  for (let i = 0; i < cases; i++) b.apply(events(i));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  global.gc?.();
  const bytes = process.memoryUsage().heapUsed - before;

  const moved = Math.max(1_000, Math.round(MOVED_BY_HOLIDAY * scale));
  const small = book();
  for (let i = 0; i < moved; i++) small.apply(events(i));
  const holidayStarted = process.hrtime.bigint();
  small.apply({
    ...events(0),
    id: 'holiday',
    type: 'CalendarDayDeclared',
    streamId: 'citySettings-city',
    data: { date: '2026-11-20', kind: 'holiday', name: '城市假日', settingsVersion: 1 },
  });
  const holidaySeconds = Number(process.hrtime.bigint() - holidayStarted) / 1e9;
  return [
    {
      name: 'escalation: fold open cases into the deadline book',
      unit: 'case',
      ours: { ops: cases, seconds },
      notes: `${cases.toLocaleString('en-US')} open cases, ${b.scheduled.toLocaleString('en-US')} points scheduled, heap +${Math.round(bytes / 2 ** 20)} MiB (${Math.round(bytes / cases)} B/case)${global.gc ? '' : ' (run node with --expose-gc for an exact heap)'}`,
    },
    {
      name: 'escalation: a holiday declared moves every unfired point',
      unit: 'case',
      ours: { ops: moved, seconds: holidaySeconds },
      notes: `${moved.toLocaleString('en-US')} open cases rescheduled in ${(holidaySeconds * 1000).toFixed(0)} ms`,
    },
  ];
}

/** The book saved by its projection into a SQLite read store, then restored by a new instance. */
async function restored(scale: number, tmpDir: string): Promise<BenchResult> {
  const cases = Math.max(1_000, Math.round(RESTORED * scale));
  const instants = dispatchInstants();
  const events = Array.from({ length: cases }, (_, i) =>
    dispatch(i, instants[i % instants.length]!, [2, 3, 5, 10, 15][i % 5]!),
  );
  const store = SqliteReadStore.open({ path: join(tmpDir, 'read-models.db') });
  try {
    const saving = new ProjectionRunner(deadlineBookProjection(book(), BOOK_EVENT_TYPES), {
      store,
      source: eventsSource(events),
    });
    await saving.start();
    await saving.waitUntilCaughtUp();
    await saving.stop();
    const started = process.hrtime.bigint();
    const loaded = await loadDeadlineBook(store, book());
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      name: 'escalation: restore the deadline book from the read store at start',
      unit: 'case',
      ours: { ops: loaded, seconds },
      notes: `${loaded.toLocaleString('en-US')} open cases restored from SQLite in ${(seconds * 1000).toFixed(0)} ms (no event read)`,
    };
  } finally {
    await store.close();
  }
}

async function firing(scale: number, tmpDir: string): Promise<BenchResult> {
  const points = Math.max(200, Math.round(FIRING_RATE * FIRING_SECONDS * scale));
  const path = join(tmpDir, 'events.db');
  const stores = [0, 1].map(() => SqliteEventStore.open({ path, durability: 'normal', pollIntervalMs: 20 }));
  const writer = stores[0]!;
  // Each case's overdue point falls due at start + i / rate: the points are fixed instants here
  // (a deadline no working-day count explains), which is what the scheduler fires at wall-clock time.
  const start = Date.now() + 5_000;
  const later = new Date(start + 365 * 86_400_000).toISOString();
  const batch = 1_000;
  for (let from = 0; from < points; from += batch) {
    const events = [];
    for (let i = from; i < Math.min(points, from + batch); i++) {
      const dueAt = new Date(start + Math.floor((i * 1000) / FIRING_RATE) + 1).toISOString();
      events.push({ caseId: `c${i}`, dueAt });
    }
    await Promise.all(
      events.map(({ caseId, dueAt }) =>
        writer.append(
          `case-${caseId}`,
          [
            {
              id: `d-${caseId}`,
              type: 'CaseDispatched',
              version: 1,
              time: new Date(start - 86_400_000 * 30).toISOString(),
              metadata,
              data: {
                caseId,
                // Signing and returning stay open past the run: only the deadlines fall due.
                lead: { unitId: 'unit-1', signBy: later, returnBy: later },
                coHandlers: [],
                dueAt,
                limitWorkingDays: 1,
              },
            },
          ],
          'noStream',
        ),
      ),
    );
  }
  const clock = { now: () => new Date() };
  const schedulers = stores.map(
    (store) =>
      new DeadlineScheduler({
        book: book(),
        source: storeSource(store),
        handler: { store, clock },
        clock,
        tickMs: 100,
        concurrency: 64,
      }),
  );
  await Promise.all(schedulers.map((s) => s.start()));
  const end = start + Math.ceil((points * 1000) / FIRING_RATE) + 5_000;
  while (Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
  for (const s of schedulers) await s.stop();

  const fired = await writer.readAll({ filter: { eventTypes: ['CaseDeadlinePointReached'] } });
  const seen = new Set<string>();
  let doubled = 0;
  const delays: number[] = [];
  for (const event of fired) {
    const data = event.data as { caseId: string; point: string; key: string; dueAt: string };
    const key = `${data.caseId}/${data.point}/${data.key}`;
    if (seen.has(key)) doubled += 1;
    seen.add(key);
    if (data.point === 'overdue') delays.push(Date.parse(event.time) - Date.parse(data.dueAt));
  }
  for (const store of stores) await store.close();
  delays.sort((a, b) => a - b);
  const overdue = delays.length;
  return {
    name: 'escalation: due points fired by two instances',
    unit: 'point',
    ours: { ops: fired.length, seconds: (end - start) / 1000 },
    notes: `${overdue.toLocaleString('en-US')}/${points.toLocaleString('en-US')} overdue points fired at ${FIRING_RATE}/s by two instances: delay p50 ${percentile(delays, 0.5)} ms, p99 ${percentile(delays, 0.99)} ms (goal ≤ 1000), max ${delays.at(-1) ?? 0} ms; fired twice: ${doubled} (goal 0)`,
  };
}

export const run: Benchmark = async ({ scale, tmpDir }) => [
  ...openCases(scale),
  await restored(scale, tmpDir),
  await firing(scale, tmpDir),
];

/** `node -r @swc-node/register bench/escalation.bench.ts` alone; BENCH_SCALE (default 0.01) sizes it. */
if (require.main === module) {
  const scale = Number(process.env.BENCH_SCALE ?? '0.01');
  void run({ scale, tmpDir: mkdtempSync(join(tmpdir(), 'hotline-bench-escalation-')), natsUrl: '' }).then(
    (results) => {
      for (const r of results)
        console.log(`${r.name}: ${Math.round(r.ours.ops / r.ours.seconds)} ${r.unit}/s\n  ${r.notes ?? ''}`);
    },
  );
}
