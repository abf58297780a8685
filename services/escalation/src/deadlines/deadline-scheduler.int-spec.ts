import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime, chinaWorkingCalendar, type Clock } from '@hotline/contracts';
import type { EventToAppend } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { CHECKPOINTS_COLLECTION, storeSource, type ProjectionSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
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

/** The event store as the book reads it, counting the events it hands over. */
function countingSource(source: ProjectionSource): { source: ProjectionSource; read: () => number } {
  let read = 0;
  return {
    read: () => read,
    source: {
      headPosition: () => source.headPosition(),
      start: (from, handlers) =>
        source.start(from, {
          ...handlers,
          onEvent: (event) => {
            read++;
            return handlers.onEvent(event);
          },
        }),
    },
  };
}

function instance(store: SqliteEventStore, clock: Clock, readStore?: SqliteReadStore) {
  const book = new DeadlineBook({ calendar, dueSoonWithin: 1, firstContactWithin: 1 });
  const counted = countingSource(storeSource(store));
  const scheduler = new DeadlineScheduler({
    book,
    source: counted.source,
    handler: { store, clock },
    clock,
    tickMs: 1_000,
    concurrency: 8,
    timers: false,
    ...(readStore ? { readStore } : {}),
  });
  const started = scheduler.start();
  return { book, scheduler, started, read: counted.read };
}

function dispatch(caseId: string, at: Date): EventToAppend {
  const signBy = calendar.addWorkingDays(at, 1).toISOString();
  return {
    id: `dispatch-${caseId}`,
    type: 'CaseDispatched',
    version: 1,
    time: at.toISOString(),
    data: {
      caseId,
      lead: { unitId: 'housing', signBy, returnBy: signBy },
      coHandlers: [],
      dueAt: calendar.addWorkingDays(at, 3).toISOString(),
      limitWorkingDays: 3,
    },
    metadata: {
      correlationId: caseId,
      causationId: caseId,
      actor: { id: 'agent-1', role: 'agent' },
      districtId: 'city',
    },
  };
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
    await Promise.all([a.started, b.started]);
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
    await c.started;
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

  it('restores the book from the read store after a restart, folds only the events since, and fires each point once', async () => {
    const store = open();
    const readStore = SqliteReadStore.open({ path: join(dir, 'read-models.db') });
    const dispatchedAt = chinaTime('2026-11-02', '09:00');
    const clock = new FakeClock(dispatchedAt);
    const cases = Array.from({ length: 20 }, (_, i) => `c${i}`);
    for (const caseId of cases)
      await store.append(`case-${caseId}`, [dispatch(caseId, dispatchedAt)], 'noStream');

    const a = instance(store, clock, readStore);
    await a.started;
    await until(() => a.scheduler.ready && a.book.openCases === 20, 'the first book');
    // Past sign-by and return-by: 40 points fired, and their events folded back into the book.
    clock.at = new Date(chinaTime('2026-11-03', '12:00').getTime() + 500);
    await a.scheduler.tick();
    await a.scheduler.tick();
    const checkpoint = async () =>
      (
        await readStore.collection(CHECKPOINTS_COLLECTION).findOne<{ position: number }>({
          _id: 'escalation-deadline-book',
        })
      )?.position;
    await until(async () => (await checkpoint()) === (await store.headPosition()), 'the saved book');
    await a.scheduler.stop();

    // Two cases are dispatched while no instance runs; the next start reads those two events only.
    await store.append('case-c20', [dispatch('c20', dispatchedAt)], 'noStream');
    await store.append('case-c21', [dispatch('c21', dispatchedAt)], 'noStream');
    const b = instance(store, clock, readStore);
    await b.started;
    await until(() => b.scheduler.ready, 'the restored book');
    expect(b.read()).toBe(2);
    // The same book as one folded from the whole log.
    const folded = new DeadlineBook({ calendar, dueSoonWithin: 1, firstContactWithin: 1 });
    for (const event of await store.readAll()) folded.apply(event);
    expect(b.book.openCases).toBe(22);
    for (const caseId of [...cases, 'c20', 'c21'])
      expect(b.book.trackedCase(caseId)).toEqual(folded.trackedCase(caseId));

    // Past the deadline: the two new cases' early points and everyone's due-soon and overdue, once.
    clock.at = chinaTime('2026-11-06', '09:00');
    await b.scheduler.tick();
    await b.scheduler.tick();
    await b.scheduler.stop();
    await readStore.close();
    for (const caseId of [...cases, 'c20', 'c21']) {
      const points = (await store.readStream(`caseEscalation-${caseId}`)).map(
        (e) => (e.data as { point: string }).point,
      );
      expect(points.sort()).toEqual(['due-soon', 'overdue', 'return-by', 'sign-by']);
    }
  });
});
