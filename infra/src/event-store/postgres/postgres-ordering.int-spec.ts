import type { RecordedEvent } from '@hotline/contracts';
import { PostgresPool } from '../../postgres/postgres-pool';
import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing';
import { SubscriptionReader, newEvent, newEvents } from '../testing';
import { validateAppend } from '../validate-append';
import { insertEvents } from './postgres-append';
import { POSITIONS_PER_TRANSACTION, postgresEventSql } from './postgres-event-sql';
import { PostgresEventStore } from './postgres-event-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Another writer's append, held open between taking its transaction id (and so its positions)
 * and committing: the slower concurrent transaction a reader must never run ahead of.
 */
class SlowAppend {
  private release!: (outcome: 'commit' | 'abort') => void;
  private readonly decided = new Promise<'commit' | 'abort'>((resolve) => (this.release = resolve));
  readonly started: Promise<void>;
  readonly done: Promise<void>;

  constructor(
    pool: PostgresPool,
    streamId: string,
    readonly ids: string[],
  ) {
    let began!: () => void;
    this.started = new Promise((resolve) => (began = resolve));
    const events = validateAppend(
      streamId,
      ids.map((id) => ({ ...newEvent('SlowAppended'), id })),
      'any',
    );
    this.done = pool
      .transaction(async (tx) => {
        const [start] = await tx.query<{ tx: string }>(postgresEventSql.appendStart, [streamId, ids[0]]);
        const base = Number(start!.tx) * POSITIONS_PER_TRANSACTION;
        await insertEvents(tx, postgresEventSql, streamId, events, base, 0);
        began();
        if ((await this.decided) === 'abort') throw new Error('aborted on purpose');
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== 'aborted on purpose') throw error;
      });
  }

  commit(): Promise<void> {
    this.release('commit');
    return this.done;
  }

  abort(): Promise<void> {
    this.release('abort');
    return this.done;
  }
}

describe('PostgresEventStore ordering [PostgreSQL]', () => {
  let database: TemporaryDatabase;
  let store: PostgresEventStore;
  let raw: PostgresPool;
  let run = 0;
  const prefix = () => `order${++run}-`;

  beforeAll(async () => {
    database = await createTemporaryDatabase('event_order');
    store = await PostgresEventStore.open({ url: database.url, pollIntervalMs: 10, settleTimeoutMs: 200 });
    raw = PostgresPool.open({ url: database.url, max: 20 });
  });
  afterAll(async () => {
    await store.close();
    await raw.close();
    await database.drop();
  });

  it('holds a later commit back until a slower transaction with lower positions ends, then delivers both in order', async () => {
    const p = prefix();
    const reader = new SubscriptionReader(
      store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [p] } }),
    );
    try {
      await reader.untilCaughtUp();
      const slow = new SlowAppend(raw, `${p}slow`, [newEvent().id]);
      await slow.started;
      const fast = newEvent();
      await store.append(`${p}fast`, [fast], 'noStream');
      // The fast event is committed but above the slow transaction: neither reads nor the subscriber pass it.
      const pending = reader.nextEvent();
      const early = await Promise.race([pending, sleep(300).then(() => 'nothing')]);
      expect(early).toBe('nothing');
      expect(await store.readAll({ filter: { streamPrefixes: [p] } })).toEqual([]);
      await slow.commit();
      const first = await pending;
      const second = await reader.nextEvent();
      expect([first.id, second.id]).toEqual([slow.ids[0], fast.id]);
      expect(first.position).toBeLessThan(second.position);
      expect((await store.readAll({ filter: { streamPrefixes: [p] } })).map((e) => e.id)).toEqual([
        slow.ids[0],
        fast.id,
      ]);
    } finally {
      await reader.close();
    }
  });

  it('delivers every committed event once, in position order, through slow and aborted transactions', async () => {
    const p = prefix();
    const start = await store.headPosition();
    const reader = new SubscriptionReader(
      store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [p] } }),
    );
    const received: RecordedEvent[] = [];
    const consuming = (async () => {
      for (;;) {
        const item = await reader.next().catch(() => undefined);
        if (item === undefined) return;
        if (item.kind === 'event') received.push(item.event);
      }
    })();
    const committed: string[] = [];
    const aborted: string[] = [];
    const slowOnes: Promise<void>[] = [];
    const fastOnes: Promise<void>[] = [];
    for (let round = 0; round < 12; round++) {
      const slow = new SlowAppend(
        raw,
        `${p}slow-${round}`,
        newEvents(2).map((e) => e.id),
      );
      const abort = round % 3 === 1;
      slowOnes.push(
        slow.started.then(async () => {
          await sleep(50 + ((round * 37) % 200));
          if (abort) {
            await slow.abort();
            aborted.push(...slow.ids);
          } else {
            await slow.commit();
            committed.push(...slow.ids);
          }
        }),
      );
      for (let i = 0; i < 5; i++) {
        const events = newEvents(1 + (i % 3));
        fastOnes.push(
          store.append(`${p}fast-${round}-${i}`, events, 'noStream').then(() => {
            committed.push(...events.map((e) => e.id));
          }),
        );
      }
      await sleep(15);
    }
    await Promise.all([...slowOnes, ...fastOnes]);
    const deadline = Date.now() + 10_000;
    while (received.length < committed.length && Date.now() < deadline) await sleep(20);
    await sleep(100);
    await reader.close();
    await consuming;

    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(committed));
    expect(ids.filter((id) => aborted.includes(id))).toEqual([]);
    for (let i = 1; i < received.length; i++) {
      expect(received[i]!.position).toBeGreaterThan(received[i - 1]!.position);
    }
    const read = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [p] } });
    expect(read.map((e) => e.id)).toEqual(ids);
  });

  it('stops a forwards read at the oldest transaction still open once the wait is over', async () => {
    const p = prefix();
    const start = await store.headPosition();
    const before = newEvent();
    await store.append(`${p}before`, [before], 'noStream');
    const slow = new SlowAppend(raw, `${p}slow`, [newEvent().id]);
    await slow.started;
    const after = newEvent();
    await store.append(`${p}after`, [after], 'noStream');
    const filter = { streamPrefixes: [p] };
    expect((await store.readAll({ fromPosition: start, filter })).map((e) => e.id)).toEqual([before.id]);
    await slow.abort();
    expect((await store.readAll({ fromPosition: start, filter })).map((e) => e.id)).toEqual([
      before.id,
      after.id,
    ]);
    // Backwards reads show every committed event.
    expect((await store.readAll({ direction: 'backwards', filter })).map((e) => e.id)).toEqual([
      after.id,
      before.id,
    ]);
  });
});
