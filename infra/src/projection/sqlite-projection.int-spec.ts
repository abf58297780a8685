import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@hotline/contracts';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { eventsSource } from './events-source';
import { CHECKPOINTS_COLLECTION } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import type { Projection } from './projection.port';
import { projectionsBehind } from './projections-behind';
import { caseEvents, caseSummary, dump, recorded } from './testing/case-summary.fixture';

const COLLECTIONS = caseSummary().collections;
// 20 cases: each is closed several times, and a close reads (flushing the batch so far into the open transaction).
const EVENTS = recorded(caseEvents(600, 20));
const takes = (e: RecordedEvent) => e.streamId.startsWith('case-');

let dir: string;
let file = 0;
const freshPath = (): string => join(dir, `read-${++file}.db`);

/** Counts the events the handler is given. */
function counted(projection: Projection): { projection: Projection; handled: number[] } {
  const handled: number[] = [];
  return {
    handled,
    projection: {
      ...projection,
      handle: async (event, store, ctx) => {
        handled.push(event.position);
        await projection.handle(event, store, ctx);
      },
    },
  };
}

async function project(projection: Projection, store: SqliteReadStore, events: RecordedEvent[]) {
  const runner = new ProjectionRunner(projection, { store, source: eventsSource(events), batchSize: 50 });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return runner;
}

/** The read model rebuilt from scratch from `events`, in a store of its own. */
async function rebuilt(events: RecordedEvent[], version = 1): Promise<Record<string, unknown[]>> {
  const store = SqliteReadStore.open({ path: ':memory:' });
  await project(caseSummary(version), store, events);
  const result = await dump(store, COLLECTIONS);
  await store.close();
  return result;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-sqlite-projection-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ProjectionRunner on the SQLite read store', () => {
  it('resumes after a restart from its checkpoint, applying only the events that came after it', async () => {
    const path = freshPath();
    const first = SqliteReadStore.open({ path });
    await project(caseSummary(), first, EVENTS.slice(0, 400));
    await first.close();

    const again = SqliteReadStore.open({ path });
    const { projection, handled } = counted(caseSummary());
    await project(projection, again, EVENTS);
    expect(handled).toEqual(
      EVENTS.slice(400)
        .filter(takes)
        .map((e) => e.position),
    );
    expect(await dump(again, COLLECTIONS)).toEqual(await rebuilt(EVENTS));
    await again.close();
  });

  it('loses and doubles nothing when its process dies mid-batch: the writes commit with the checkpoint', async () => {
    const path = freshPath();
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'testing/sqlite-projection-child.ts')],
      {
        env: { ...process.env, READ_DB: path, EVENT_COUNT: String(EVENTS.length), KILL_AT: '333' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');

    const store = SqliteReadStore.open({ path });
    const saved = await store
      .collection(CHECKPOINTS_COLLECTION)
      .findOne<{ position: number }>({ _id: 'case-summary' });
    const at = saved?.position ?? 0;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(333);
    // Nothing of the batch that died is stored: exactly the events up to the checkpoint.
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS.slice(0, at)));

    const { projection, handled } = counted(caseSummary());
    await project(projection, store, EVENTS);
    expect(handled).toEqual(
      EVENTS.slice(at)
        .filter(takes)
        .map((e) => e.position),
    );
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS));
    await store.close();
  });

  it('rebuilds a new version beside the old read model, which serves until the new one is swapped in', async () => {
    const store = SqliteReadStore.open({ path: freshPath() });
    await project(caseSummary(1), store, EVENTS);
    const v1 = await dump(store, COLLECTIONS);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const v2 = caseSummary(2);
    const slow: Projection = {
      ...v2,
      handle: async (event, view, ctx) => {
        if (event.position === 300) await held;
        await v2.handle(event, view, ctx);
      },
    };
    const runner = new ProjectionRunner(slow, { store, source: eventsSource(EVENTS), batchSize: 50 });
    await runner.start();
    for (let i = 0; i < 100 && runner.status().checkpoint < 250; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await dump(store, COLLECTIONS)).toEqual(v1);
    expect(await store.listCollections()).toEqual(
      expect.arrayContaining(['cases__v2', 'district_counts__v2']),
    );
    expect(runner.status()).toMatchObject({ name: 'case-summary', version: 2, state: 'catching-up' });
    expect(await projectionsBehind([runner])).toMatch(/^case-summary is catching-up, \d+ events behind/);

    release();
    await runner.waitUntilCaughtUp();
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS, 2));
    expect(await dump(store, COLLECTIONS)).not.toEqual(v1);
    expect(await store.listCollections()).not.toContain('cases__v2');
    const checkpoints = await store.collection(CHECKPOINTS_COLLECTION).find({});
    expect(checkpoints).toEqual([
      { _id: 'case-summary', position: EVENTS.length, version: 2, writtenUpTo: expect.any(Number) },
    ]);
    await runner.stop();
    await store.close();
  });

  it('stops at an event its handler throws on, saying where and why, and never skips it', async () => {
    const store = SqliteReadStore.open({ path: freshPath() });
    const base = caseSummary();
    const failing: Projection = {
      ...base,
      handle: async (event, view, ctx) => {
        if (event.position === 205) throw new Error('cannot read this event');
        await base.handle(event, view, ctx);
      },
    };
    const runner = new ProjectionRunner(failing, {
      store,
      source: eventsSource(EVENTS),
      batchSize: 50,
      retryBackoff: { initialMs: 5, maxMs: 20 },
    });
    await runner.start();
    for (let i = 0; i < 200 && !runner.status().failedAt; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(runner.status()).toMatchObject({
      checkpoint: 204,
      failedAt: { position: 205, eventType: EVENTS[204]?.type, reason: 'cannot read this event' },
    });
    expect(await projectionsBehind([runner])).toBe(
      `case-summary stopped at event 205 (${EVENTS[204]?.type}): cannot read this event`,
    );
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuilt(EVENTS.slice(0, 204)));
    await runner.stop();
    await store.close();
  });
});
