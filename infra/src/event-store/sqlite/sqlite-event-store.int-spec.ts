import { ValidationError, type RecordedEvent } from '@hotline/contracts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyConflict, WrongExpectedVersion } from '../event-store.errors';
import { SubscriptionReader, describeEventStoreContract, newEvent, newEvents, thrownBy } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const REPO_ROOT = join(__dirname, '../../../..');
/** Spawning Node processes that compile TypeScript takes seconds on a busy machine. */
const MULTI_PROCESS_TIMEOUT_MS = 120_000;
const WORKER = join(__dirname, 'sqlite-append-worker.fixture.ts');

function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-sqlite-es-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the worker in its own Node process; resolves with the ids it appended. */
function runWorker(file: string, prefix: string, name: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', WORKER, file, prefix, name, String(count)],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as string[])
        : reject(new Error(`worker ${name} exited ${code}: ${err}`)),
    );
  });
}

describeEventStoreContract('SQLite', () => {
  const { dir, remove } = tempDir();
  const store = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'full' });
  return Promise.resolve({
    store,
    cleanup: async () => {
      await store.close();
      remove();
    },
  });
});

describe('SqliteEventStore [SQLite file]', () => {
  let dir: string;
  let remove: () => void;
  let file: string;
  beforeEach(() => {
    ({ dir, remove } = tempDir());
    file = join(dir, 'events.db');
  });
  afterEach(() => remove());

  it('commits appends of one tick together while each keeps its own outcome', async () => {
    const store = SqliteEventStore.open({ path: file });
    const taken = newEvent();
    await store.append('elsewhere-1', [taken], 'noStream');
    const fresh = newEvent();
    const outcomes = await Promise.allSettled([
      store.append('group-a', newEvents(2), 'noStream'),
      store.append('group-a', [newEvent()], 5),
      store.append('group-b', [fresh, taken], 'any'),
      store.append('group-c', newEvents(3), 'noStream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflict);
    expect(await store.readStream('group-a')).toHaveLength(2);
    expect(await store.readStream('group-c')).toHaveLength(3);
    await expect(store.readStream('group-b')).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    // The rolled-back event left no trace: its id is still free.
    await expect(store.append('group-b', [fresh], 'noStream')).resolves.toMatchObject({
      nextExpectedRevision: 0,
    });
    await store.close();
  });

  it(
    'keeps every event when several processes append to the same file at once',
    async () => {
      const store = SqliteEventStore.open({ path: file });
      const workers = ['w1', 'w2', 'w3'];
      const perWorker = 150;
      const appended = (await Promise.all(workers.map((w) => runWorker(file, 'mp-', w, perWorker)))).flat();
      const all = await store.readAll();
      expect(all).toHaveLength(workers.length * perWorker * 2);
      expect(new Set(all.map((e) => e.id))).toEqual(new Set(appended));
      for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
      const shared = await store.readStream('mp-shared');
      expect(shared.map((e) => e.revision)).toEqual(shared.map((_, i) => i));
      expect(shared).toHaveLength(workers.length * perWorker);
      for (const w of workers) {
        const own = await store.readStream(`mp-${w}`);
        expect(own.map((e) => (e.data as { n: number }).n)).toEqual(own.map((_, i) => i));
      }
      await store.close();
    },
    MULTI_PROCESS_TIMEOUT_MS,
  );

  it(
    "lets a subscription in one process see another process's appends",
    async () => {
      const store = SqliteEventStore.open({ path: file, pollIntervalMs: 20 });
      await store.append('before-1', [newEvent()], 'noStream');
      const reader = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: ['xp-'] } }));
      try {
        expect((await reader.untilCaughtUp()).events).toEqual([]);
        const appended = await runWorker(file, 'xp-', 'w1', 20);
        const seen: string[] = [];
        while (seen.length < appended.length) seen.push((await reader.nextEvent()).id);
        expect(new Set(seen)).toEqual(new Set(appended));
      } finally {
        await reader.close();
        await store.close();
      }
    },
    MULTI_PROCESS_TIMEOUT_MS,
  );

  it(
    "delivers this process's commits and another process's appended between them once each, in order, as a read gives them",
    async () => {
      // Live, a subscription takes this process's commits from memory; a commit that begins past
      // its cursor (the other process wrote first) is read from the file instead.
      const store = SqliteEventStore.open({ path: file, pollIntervalMs: 20 });
      await store.append('before-1', [newEvent()], 'noStream');
      const filtered = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: ['mix-'] } }));
      const everything = new SubscriptionReader(store.subscribeToAll());
      try {
        await filtered.untilCaughtUp();
        await everything.untilCaughtUp();
        const local = (async () => {
          for (let i = 0; i < 60; i++) {
            await store.append(`mix-local-${i}`, newEvents(1 + (i % 3)), 'noStream');
            await store.append(`other-${i}`, [newEvent()], 'noStream');
          }
        })();
        await Promise.all([runWorker(file, 'mix-', 'w1', 60), local]);
        const expected = await store.readAll({ filter: { streamPrefixes: ['mix-'] } });
        const all = await store.readAll({ fromPosition: 1 });
        const seen: RecordedEvent[] = [];
        while (seen.length < expected.length) seen.push(await filtered.nextEvent());
        expect(seen).toEqual(expected);
        const seenAll: RecordedEvent[] = [];
        while (seenAll.length < all.length) seenAll.push(await everything.nextEvent());
        expect(seenAll).toEqual(all);
        // Each reader has its own objects: one changing an event changes nobody else's.
        (seen[0]!.data as Record<string, unknown>).changed = true;
        expect(seenAll.find((e) => e.id === seen[0]!.id)!.data).not.toHaveProperty('changed');
      } finally {
        await filtered.close();
        await everything.close();
        await store.close();
      }
    },
    MULTI_PROCESS_TIMEOUT_MS,
  );

  it('keeps everything when the file is closed and opened again', async () => {
    const first = SqliteEventStore.open({ path: file });
    const events = newEvents(5);
    const result = await first.append('reopen-1', events, 'noStream');
    const before = await first.readAll();
    await first.close();
    const second = SqliteEventStore.open({ path: file });
    expect(await second.readAll()).toEqual(before);
    expect(await second.headPosition()).toBe(result.position);
    await expect(second.append('reopen-1', events, 'noStream')).resolves.toEqual({
      ...result,
      positions: undefined,
    });
    const next = await second.append('reopen-1', [newEvent()], 4);
    expect(next).toEqual({
      nextExpectedRevision: 5,
      position: result.position + 1,
      positions: [result.position + 1],
    });
    await second.close();
  });

  it('refuses bad options and use after close', async () => {
    expect(thrownBy(() => SqliteEventStore.open({ path: '' }))).toMatchObject({ field: 'options.path' });
    expect(() => SqliteEventStore.open({ path: file, durability: 'fast' as 'full' })).toThrow(
      ValidationError,
    );
    expect(thrownBy(() => SqliteEventStore.open({ path: file, pollIntervalMs: 0 }))).toMatchObject({
      field: 'options.pollIntervalMs',
    });
    const store = SqliteEventStore.open({ path: file, durability: 'normal' });
    const pending = store.append('closing-1', [newEvent()], 'noStream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(store.append('closing-1', [newEvent()], 0)).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
    });
    await store.close();
  });
});
