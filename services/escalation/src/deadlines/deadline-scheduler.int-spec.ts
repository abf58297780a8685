import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime, chinaWorkingCalendar, type Clock } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { storeSource } from '@hotline/infra/projection';
import { DeadlineBook } from './deadline-book';
import { DeadlineScheduler } from './deadline-scheduler';

const calendar = chinaWorkingCalendar();

class FakeClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function instance(store: SqliteEventStore, clock: Clock) {
  const book = new DeadlineBook({ calendar, dueSoonWithin: 1, firstContactWithin: 1 });
  const scheduler = new DeadlineScheduler({
    book,
    source: storeSource(store),
    handler: { store, clock },
    clock,
    tickMs: 1_000,
    concurrency: 8,
    timers: false,
  });
  scheduler.start();
  return { book, scheduler };
}

describe('the deadline scheduler on a real event store', () => {
  let dir: string;
  let stores: SqliteEventStore[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'escalation-timers-'));
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = () => {
    const store = SqliteEventStore.open({
      path: join(dir, 'events.db'),
      durability: 'normal',
      pollIntervalMs: 10,
    });
    stores.push(store);
    return store;
  };

  it('keeps one firing per point with two instances, and fires after a restart what fell due while it was down', async () => {
    const first = open();
    const second = open();
    const dispatchedAt = chinaTime('2026-11-02', '09:00');
    const clock = new FakeClock(dispatchedAt);
    await first.append(
      'case-c1',
      [
        {
          id: 'dispatch-c1',
          type: 'CaseDispatched',
          version: 1,
          time: dispatchedAt.toISOString(),
          data: {
            caseId: 'c1',
            lead: {
              unitId: 'housing',
              signBy: calendar.addWorkingDays(dispatchedAt, 1).toISOString(),
              returnBy: calendar.addWorkingDays(dispatchedAt, 1).toISOString(),
            },
            coHandlers: [],
            dueAt: calendar.addWorkingDays(dispatchedAt, 3).toISOString(),
            limitWorkingDays: 3,
          },
          metadata: {
            correlationId: 'c1',
            causationId: 'c1',
            actor: { id: 'agent-1', role: 'agent' },
            districtId: 'city',
          },
        },
      ],
      'noStream',
    );
    const a = instance(first, clock);
    const b = instance(second, clock);
    await until(
      () => a.scheduler.ready && b.scheduler.ready && a.book.openCases === 1 && b.book.openCases === 1,
      'both books',
    );

    // Past sign-by (3 November, noon): both instances fire at the same moment.
    clock.at = new Date(chinaTime('2026-11-03', '12:00').getTime() + 500);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    const afterRace = await first.readStream('caseEscalation-c1');
    expect(afterRace.map((e) => (e.data as { point: string }).point).sort()).toEqual([
      'return-by',
      'sign-by',
    ]);

    // Instance A stops; the deadline passes while nothing runs; a new instance folds the log and fires.
    await a.scheduler.stop();
    await b.scheduler.stop();
    clock.at = chinaTime('2026-11-06', '09:00');
    const c = instance(first, clock);
    await until(() => c.scheduler.ready && c.book.openCases === 1, 'the restarted book');
    await c.scheduler.tick();
    await c.scheduler.tick();
    await c.scheduler.stop();

    const events = await first.readStream('caseEscalation-c1');
    const points = events.map((e) => (e.data as { point: string }).point).sort();
    expect(points).toEqual(['due-soon', 'overdue', 'return-by', 'sign-by']);
    const overdue = events.find((e) => (e.data as { point: string }).point === 'overdue')!;
    expect((overdue.data as { dueAt: string }).dueAt).toBe(chinaTime('2026-11-05', '12:00').toISOString());
    expect(overdue.metadata.actor.role).toBe('system');
  });
});
