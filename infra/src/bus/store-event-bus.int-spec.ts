import { SqliteEventStore } from '@hotline/infra/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteDeadLetterSink } from './sqlite-dead-letter-sink';
import { StoreEventBus } from './store-event-bus';
import { describeEventBusContract } from './testing/event-bus.contract';
import { busEvent, DeliveryLog, type EventBusHarness } from './testing/event-bus-harness';

function storeHarness(): EventBusHarness {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-store-bus-'));
  // Checkpoints and dead letters share the event store's file, as in the embedded runner.
  const path = join(dir, 'hotline.sqlite');
  const store = SqliteEventStore.open({ path, durability: 'normal' });
  const checkpoints = SqliteCheckpointStore.open({ path });
  const deadLetters = SqliteDeadLetterSink.open({ path });
  const bus = new StoreEventBus({
    store,
    checkpoints,
    deadLetters,
    retryBackoff: { initialMs: 20, maxMs: 100 },
  });
  return {
    bus,
    emit: async (events) => {
      for (const { streamId, event } of events) await store.append(streamId, [event], 'any');
    },
    deadLetters: (consumer) => deadLetters.list(consumer),
    close: async () => {
      await bus.close();
      await store.close();
      checkpoints.close();
      deadLetters.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeEventBusContract('in-process store', () => Promise.resolve(storeHarness()), {
  noRawPayloads: 'the store holds only recorded events',
});

describe('StoreEventBus on a SQLite file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hotline-store-bus-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const openAll = (path: string) => {
    const store = SqliteEventStore.open({ path, durability: 'normal' });
    const checkpoints = SqliteCheckpointStore.open({ path });
    const deadLetters = SqliteDeadLetterSink.open({ path });
    const bus = new StoreEventBus({ store, checkpoints, deadLetters });
    const close = async () => {
      await bus.close();
      await store.close();
      checkpoints.close();
      deadLetters.close();
    };
    return { store, bus, close };
  };

  it('resumes after its checkpoint when the file is opened again, as after a restart', async () => {
    const path = join(dir, 'hotline.sqlite');
    const first = openAll(path);
    const before = new DeliveryLog();
    const emit = async (store: SqliteEventStore, prefix: string) => {
      for (const e of [1, 2].map((n) => busEvent('case-1', 'CaseNoted', `${prefix}${n}`))) {
        await store.append(e.streamId, [e.event], 'any');
      }
    };
    await emit(first.store, 'old');
    await first.bus.consume({ durableName: 'restartable' }, (e, c) => Promise.resolve(before.record(e, c)));
    await before.waitFor('old2');
    await first.close();

    const second = openAll(path);
    await emit(second.store, 'new');
    const after = new DeliveryLog();
    await second.bus.consume({ durableName: 'restartable' }, (e, c) => Promise.resolve(after.record(e, c)));
    await after.waitFor('new2');
    expect(after.labels()).toEqual(['new1', 'new2']);
    await second.close();
  });

  it('refuses a second running consumer with the same durable name', async () => {
    const all = openAll(join(dir, 'hotline.sqlite'));
    const noop = async () => {};
    const consumer = await all.bus.consume({ durableName: 'single' }, noop);
    await expect(all.bus.consume({ durableName: 'single' }, noop)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CONSUMER_ACTIVE',
    });
    await consumer.stop();
    await (await all.bus.consume({ durableName: 'single' }, noop)).stop();
    await all.close();
  });

  it('writes its checkpoint soon after the events it handled while it runs, not only when it stops', async () => {
    // A crash (no stop) then redelivers only what was handled in the last moment before it.
    const path = join(dir, 'hotline.sqlite');
    const all = openAll(path);
    const log = new DeliveryLog();
    const consumer = await all.bus.consume({ durableName: 'running' }, (e, c) =>
      Promise.resolve(log.record(e, c)),
    );
    for (const e of [1, 2, 3].map((n) => busEvent('case-9', 'CaseNoted', `n${n}`)))
      await all.store.append(e.streamId, [e.event], 'any');
    await log.waitFor('n3');
    const head = await all.store.headPosition();
    const other = SqliteCheckpointStore.open({ path });
    try {
      const deadline = Date.now() + 5_000;
      while ((await other.load('running')) !== head && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await other.load('running')).toBe(head);
    } finally {
      other.close();
      await consumer.stop();
      await all.close();
    }
  });
});
