import { ValidationError, type RecordedEvent } from '@hotline/contracts';
import { Registry } from 'prom-client';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import type { FindOneOptions, ReadStore } from '../read-store/read-store.port';
import { eventsSource } from './events-source';
import { CHECKPOINTS_COLLECTION } from './projection-checkpoints';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { Projection, ProjectionSource } from './projection.port';
import { caseEvents, caseSummary, dump, recorded } from './testing/case-summary.fixture';

const EVENTS = recorded(caseEvents(500, 40));
const COLLECTIONS = caseSummary().collections;
const fastRetry = { initialMs: 1, maxMs: 5 };

async function runToEnd(
  projection: Projection,
  store: ReadStore,
  events: RecordedEvent[],
  options: Partial<ProjectionRunnerOptions> = {},
) {
  const runner = new ProjectionRunner(projection, {
    store,
    source: eventsSource(events),
    retryBackoff: fastRetry,
    ...options,
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return runner;
}

async function rebuiltFromScratch(events = EVENTS): Promise<Record<string, unknown[]>> {
  const store = SqliteReadStore.inMemory();
  await runToEnd(caseSummary(), store, events);
  return dump(store, COLLECTIONS);
}

/** Delivers `events`, then never says it caught up: the runner is left mid-stream, as in a crash. */
const hangingAfter = (events: RecordedEvent[]): ProjectionSource => ({
  headPosition: async () => EVENTS.length,
  start({ fromPosition = 0 }, handlers) {
    for (const e of events) if (e.position > fromPosition) void handlers.onEvent(e).catch(() => undefined);
    return { stop: async () => undefined };
  },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ProjectionRunner', () => {
  it('applies every event and stores a checkpoint at the last position', async () => {
    const store = SqliteReadStore.inMemory();
    const runner = await runToEnd(caseSummary(), store, EVENTS);
    expect(runner.status()).toMatchObject({ name: 'case-summary', state: 'stopped', checkpoint: 500 });
    expect(await store.collection(CHECKPOINTS_COLLECTION).findOne({ _id: 'case-summary' })).toEqual({
      _id: 'case-summary',
      position: 500,
      version: 1,
      writtenUpTo: expect.any(Number),
    });
    const counts = await store.collection('district_counts').find({}, { sort: { _id: 1 } });
    expect(counts.reduce((sum, d) => sum + (d.opened as number), 0)).toBe(40);
    expect(await store.collection('cases').findOne({ _id: 'case-3' })).toEqual({
      _id: 'case-3',
      _pos: expect.any(Number),
      districtId: 'd0',
      status: 'closed',
      events: 12,
      notes: ['note 1', 'note 2', 'note 3', 'note 5', 'note 6', 'note 7', 'note 8', 'note 10', 'note 11'],
    });
  });

  it('changes nothing when the same events are delivered again', async () => {
    const store = SqliteReadStore.inMemory();
    const registry = new Registry();
    await runToEnd(caseSummary(), store, [...EVENTS, ...EVENTS.slice(100, 300)], { registry });
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
    await runToEnd(caseSummary(), store, EVENTS);
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
    const total = (await registry.getSingleMetricAsString('hotline_projection_events_total')).split('\n');
    const redelivered = EVENTS.slice(100, 300).filter((e) => e.streamId.startsWith('case-')).length;
    expect(total).toContain(
      `hotline_projection_events_total{projection="case-summary",outcome="skipped"} ${redelivered}`,
    );
  });

  it('never applies $inc twice when the checkpoint was lost after the writes', async () => {
    const store = SqliteReadStore.inMemory();
    await runToEnd(caseSummary(), store, EVENTS);
    // As if the process died after writing events 201..500 but before recording the checkpoint.
    await store
      .collection(CHECKPOINTS_COLLECTION)
      .updateOne({ _id: 'case-summary' }, { $set: { position: 200 } });
    await runToEnd(caseSummary(), store, EVENTS);
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
  });

  it('reads stamps by _id only for the writes a previous run may have stored, and none in a rebuild', async () => {
    const store = SqliteReadStore.inMemory();
    const lookups: Array<{ collection: string; filter: unknown }> = [];
    const filters: unknown[] = [];
    // A recording wrapper around the real store: which stamps were read, which filters were sent?
    const recording: ReadStore = Object.assign(Object.create(store) as ReadStore, {
      collection: (name: string) => {
        const real = store.collection(name);
        return Object.assign(Object.create(real) as typeof real, {
          findOne: (filter: Parameters<typeof real.findOne>[0], options?: FindOneOptions) => {
            if (options?.projection && '_pos' in options.projection)
              lookups.push({ collection: name, filter });
            return real.findOne(filter, options);
          },
          bulkWrite: (ops: Parameters<typeof real.bulkWrite>[0]) => {
            for (const op of ops) if ('updateOne' in op) filters.push(op.updateOne.filter);
            return real.bulkWrite(ops);
          },
        });
      },
    });
    await runToEnd(caseSummary(), recording, EVENTS.slice(0, 300), { batchSize: 50 });
    expect(filters.length).toBeGreaterThan(0);
    expect(lookups).toEqual([]);

    // As if the process died after writing events 101..300 but before recording the checkpoint.
    await store
      .collection(CHECKPOINTS_COLLECTION)
      .updateOne({ _id: 'case-summary' }, { $set: { position: 100 } });
    const { writtenUpTo } = (await store
      .collection(CHECKPOINTS_COLLECTION)
      .findOne({ _id: 'case-summary' })) as { writtenUpTo: number };
    expect(writtenUpTo).toBeGreaterThanOrEqual(300);
    filters.length = 0;
    await runToEnd(caseSummary(), recording, EVENTS, { batchSize: 50 });
    const window = EVENTS.filter((e) => e.position > 100 && e.position <= writtenUpTo);
    const touched = new Set(window.map((e) => (e.data as { caseId: string }).caseId));
    expect(lookups.length).toBeGreaterThan(0);
    for (const { collection, filter } of lookups) {
      expect(Object.keys(filter as object)).toEqual(['_id']);
      if (collection === 'cases') expect(touched.has((filter as { _id: string })._id)).toBe(true);
    }
    expect(filters.every((f) => Object.keys(f as object).join() === '_id')).toBe(true);
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
  });

  it('resumes from the checkpoint after dying mid-batch, ending equal to a rebuild', async () => {
    // A store without transactions (as MongoDB): the writes flushed mid-batch stay, and the `_pos`
    // guard makes the replay exact. (With SQLite's transactions they are not even stored: see
    // sqlite-projection.int-spec.ts, which kills a real process.)
    const store: ReadStore = Object.assign(Object.create(SqliteReadStore.inMemory()) as ReadStore, {
      writer: undefined,
    });
    const base = caseSummary();
    // Event 421's handler never returns: the process "dies" with events after the last checkpoint
    // handled, some of their writes flushed (a handler's read flushes the batch), none recorded.
    const dying: Projection = {
      ...base,
      handle: (e, v, c) => (e.position === 421 ? new Promise<void>(() => undefined) : base.handle(e, v, c)),
    };
    const crashed = new ProjectionRunner(dying, { store, source: eventsSource(EVENTS), batchSize: 100 });
    await crashed.start();
    await settle();
    const { checkpoint } = crashed.status();
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(420);
    expect(await store.collection('cases').countDocuments({ _pos: { $gt: checkpoint } })).toBeGreaterThan(0);
    await runToEnd(caseSummary(), store, EVENTS);
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
  });

  it('reports lag against the head of the source and counts applied events', async () => {
    const store = SqliteReadStore.inMemory();
    const registry = new Registry();
    const runner = new ProjectionRunner(caseSummary(), {
      store,
      source: hangingAfter(EVENTS.slice(0, 250)),
      registry,
      batchSize: 100,
    });
    await runner.start();
    await settle();
    const lag = await registry.getSingleMetricAsString('hotline_projection_lag_events');
    expect(lag).toContain(
      `hotline_projection_lag_events{projection="case-summary"} ${500 - runner.status().checkpoint}`,
    );
    await runner.stop();
    await runToEnd(caseSummary(), store, EVENTS, { registry });
    expect(await registry.getSingleMetricAsString('hotline_projection_events_total')).toMatch(
      /outcome="applied"} \d+/,
    );
  });

  it('rebuilds when the version changes, and on demand, from nothing', async () => {
    const store = SqliteReadStore.inMemory();
    await runToEnd(caseSummary(1), store, EVENTS);
    await store.collection('cases').insertOne({ _id: 'stale', status: 'left over' });
    await runToEnd(caseSummary(3), store, EVENTS);
    const counts = await store.collection('district_counts').find({});
    expect(counts.reduce((sum, d) => sum + (d.opened as number), 0)).toBe(40 * 3);
    expect(await store.collection('cases').findOne({ _id: 'stale' })).toBeNull();
    expect(await store.collection(CHECKPOINTS_COLLECTION).findOne({ _id: 'case-summary' })).toMatchObject({
      version: 3,
      position: 500,
    });

    await store.collection('cases').insertOne({ _id: 'stale', status: 'left over' });
    const runner = new ProjectionRunner(caseSummary(1), { store, source: eventsSource(EVENTS) });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.rebuild();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
    expect(await store.collection('cases').listIndexes()).toContainEqual({
      name: 'districtId_1',
      key: { districtId: 1 },
      unique: false,
    });
  });

  it('replays from the checkpoint after a handler fails, without applying the failed event twice', async () => {
    const store = SqliteReadStore.inMemory();
    const base = caseSummary();
    let failures = 0;
    const flaky: Projection = {
      ...base,
      async handle(event, view, ctx) {
        await base.handle(event, view, ctx);
        if (event.position === 123 && failures++ < 2) throw new Error('transient');
      },
    };
    const runner = await runToEnd(flaky, store, EVENTS, { batchSize: 50 });
    expect(failures).toBe(3);
    expect(runner.status().lastError).toBe('transient');
    expect(await dump(store, COLLECTIONS)).toEqual(await rebuiltFromScratch());
  });

  it('skips events outside its filter and still moves its checkpoint to the head', async () => {
    const store = SqliteReadStore.inMemory();
    const seen: string[] = [];
    const base = caseSummary();
    const runner = await runToEnd(
      {
        ...base,
        filter: { eventTypes: ['CaseOpened'] },
        handle: async (e, v, c) => (seen.push(e.type), base.handle(e, v, c)),
      },
      store,
      EVENTS,
    );
    expect(new Set(seen)).toEqual(new Set(['CaseOpened']));
    expect(runner.status().checkpoint).toBe(500);
  });

  it('rejects bad writes from a handler with a ValidationError naming the field', async () => {
    const store = SqliteReadStore.inMemory();
    const errors: unknown[] = [];
    const careless: Projection = {
      name: 'careless',
      version: 1,
      collections: ['things'],
      async handle(_event, _store, ctx) {
        for (const attempt of [
          () => ctx.guardedUpdate('elsewhere', 'a', { $set: { v: 1 } }),
          () => ctx.guardedUpdate('things', 'a', { $set: { _pos: 1 } }),
          () => ctx.guardedUpdate('things', 'a', { $rename: { v: 'w' } } as never),
          () => ctx.guardedUpdate('things', { id: 1 } as never, { $set: { v: 1 } }),
          () => {
            ctx.guardedUpdate('things', 'b', { $set: { v: 1 } });
            ctx.guardedUpdate('things', 'b', { $inc: { n: 1 } });
          },
        ]) {
          try {
            attempt();
          } catch (error) {
            errors.push(error);
          }
        }
      },
    };
    await runToEnd(careless, store, EVENTS.slice(0, 1));
    expect(errors.map((e) => (e instanceof ValidationError ? e.field : e))).toEqual([
      'collection',
      'update.$set._pos',
      'update.$rename',
      'id',
      'id',
    ]);
    expect(await store.collection('things').find({})).toEqual([{ _id: 'b', v: 1, _pos: 1 }]);
  });

  it('refuses a malformed projection', () => {
    const store = SqliteReadStore.inMemory();
    const source = eventsSource([]);
    const make = (p: Partial<Projection>) => () =>
      new ProjectionRunner({ ...caseSummary(), ...p }, { store, source });
    expect(make({ name: 'has space' })).toThrow(ValidationError);
    expect(make({ version: 0 })).toThrow(ValidationError);
    expect(make({ collections: [] })).toThrow(ValidationError);
    expect(make({ collections: [CHECKPOINTS_COLLECTION] })).toThrow(ValidationError);
  });

  it('stops after handling and writing the events in hand; waiting for catch-up then fails', async () => {
    const store = SqliteReadStore.inMemory();
    const base = caseSummary();
    const slow: Projection = {
      ...base,
      handle: async (e, v, c) => (await new Promise((r) => setTimeout(r, 1)), base.handle(e, v, c)),
    };
    const runner = new ProjectionRunner(slow, {
      store,
      source: hangingAfter(EVENTS.slice(0, 50)),
      batchSize: 1000,
    });
    await runner.start();
    expect(runner.status().checkpoint).toBe(0);
    await runner.stop();
    expect(runner.status()).toMatchObject({ state: 'stopped', checkpoint: 50 });
    await expect(runner.waitUntilCaughtUp()).rejects.toMatchObject({ code: 'PROJECTION_STOPPED' });
  });
});
